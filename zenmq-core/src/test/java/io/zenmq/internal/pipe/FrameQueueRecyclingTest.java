// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.pipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The recycling ring of {@link FrameQueue}: who may give back, what is kept, and its bounds. */
class FrameQueueRecyclingTest {
    /** Writes one single-frame message filled by the writer's side, as a decoder would. */
    private static byte[] writeFilled(FrameQueue queue, int length, byte value) {
        byte[] frame = queue.takeRecycled(length);
        Arrays.fill(frame, value);
        queue.write(frame, false);
        queue.flush();
        return frame;
    }

    @Test
    void shouldHandBackAGivenArrayOfTheSameLength() {
        FrameQueue queue = new FrameQueue(1000);
        writeFilled(queue, 16, (byte) 1);
        byte[] first = queue.read();
        assertThat(queue.claimLastRead(first)).isTrue();
        queue.recycle(first);
        assertThat(writeFilled(queue, 16, (byte) 2)).isSameAs(first);
    }

    @Test
    void shouldKeepNothingForAWriterThatNeverAskedAsInproc() {
        FrameQueue queue = new FrameQueue(1000);
        byte[] sent = new byte[16];
        queue.write(sent, false);
        queue.flush();
        byte[] read = queue.read();
        assertThat(queue.claimLastRead(read)).isTrue();
        queue.recycle(read);
        // a writer that starts recycling later never gets the array given back before
        assertThat(queue.takeRecycled(16)).isNotSameAs(sent);
    }

    @Test
    void shouldClaimOnlyTheLastReadArrayAndOnlyOnce() {
        FrameQueue queue = new FrameQueue(1000);
        byte[] a = writeFilled(queue, 8, (byte) 1);
        byte[] b = writeFilled(queue, 8, (byte) 2);
        assertThat(queue.read()).isSameAs(a);
        assertThat(queue.read()).isSameAs(b);
        assertThat(queue.claimLastRead(a)).as("not the last one read").isFalse();
        assertThat(queue.claimLastRead(b.clone())).as("a copy").isFalse();
        assertThat(queue.claimLastRead(b)).isTrue();
        assertThat(queue.claimLastRead(b)).as("twice").isFalse();
    }

    @Test
    void shouldDropAnArrayOfAnotherLength() {
        FrameQueue queue = new FrameQueue(1000);
        writeFilled(queue, 16, (byte) 1);
        byte[] first = queue.read();
        queue.claimLastRead(first);
        queue.recycle(first);
        assertThat(queue.takeRecycled(17)).hasSize(17).isNotSameAs(first);
        assertThat(queue.takeRecycled(16)).as("dropped, not kept for later").isNotSameAs(first);
    }

    @Test
    void shouldHoldAtMostTheByteBound() {
        FrameQueue queue = new FrameQueue(1000);
        int length = 64 * 1024;
        int kept = (int) (FrameQueue.MAX_RECYCLED_BYTES / length);
        int n = kept + 4;
        List<byte[]> read = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            writeFilled(queue, length, (byte) i);
        }
        for (int i = 0; i < n; i++) {
            byte[] frame = queue.read();
            queue.claimLastRead(frame);
            queue.recycle(frame);
            read.add(frame);
        }
        for (int i = 0; i < n; i++) {
            byte[] taken = queue.takeRecycled(length);
            assertThat(taken == read.get(i)).as("array %d kept", i).isEqualTo(i < kept);
        }
    }

    @Test
    void shouldNeverKeepAnArrayLongerThanTheByteBound() {
        FrameQueue queue = new FrameQueue(1000);
        int length = (int) FrameQueue.MAX_RECYCLED_BYTES + 1;
        writeFilled(queue, length, (byte) 1);
        byte[] huge = queue.read();
        queue.claimLastRead(huge);
        queue.recycle(huge);
        assertThat(queue.takeRecycled(length)).isNotSameAs(huge);
    }

    @Test
    void shouldHoldAtMostTheCountBound() {
        FrameQueue queue = new FrameQueue(0);
        int n = FrameQueue.MAX_RECYCLED_ARRAYS + 10;
        List<byte[]> read = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            writeFilled(queue, 1, (byte) i);
        }
        for (int i = 0; i < n; i++) {
            byte[] frame = queue.read();
            queue.claimLastRead(frame);
            queue.recycle(frame);
            read.add(frame);
        }
        for (int i = 0; i < n; i++) {
            assertThat(queue.takeRecycled(1) == read.get(i)).as("array %d kept", i)
                    .isEqualTo(i < FrameQueue.MAX_RECYCLED_ARRAYS);
        }
    }

    @Test
    void shouldNeverKeepAnArrayLongerThanTheArrayBound() {
        FrameQueue queue = new FrameQueue(1000);
        int length = FrameQueue.MAX_RECYCLED_ARRAY_BYTES + 1;
        writeFilled(queue, length, (byte) 1);
        byte[] huge = queue.read();
        assertThat(queue.claimLastRead(huge)).as("too big to claim").isFalse();
        queue.recycle(huge);
        assertThat(queue.takeRecycled(length)).isNotSameAs(huge);
    }

    /**
     * The writer runs a whole high-water mark ahead of a reader that was away, then the reader
     * drains it all, again and again: after the first burst every frame is a given-back array.
     */
    @Test
    void shouldBringBackEveryArrayOfAFullQueue() {
        int hwm = 1000;
        int length = 64 * 1024;
        FrameQueue queue = new FrameQueue(hwm);
        Map<byte[], Boolean> made = new IdentityHashMap<>();
        for (int burst = 0; burst < 3; burst++) {
            int written = 0;
            do {
                made.put(writeFilled(queue, length, (byte) burst), true);
                written++;
            } while (queue.checkWritable());
            assertThat(written).isEqualTo(hwm);
            for (int i = 0; i < written; i++) {
                byte[] frame = queue.read();
                assertThat(frame[0]).isEqualTo((byte) burst);
                assertThat(queue.claimLastRead(frame)).isTrue();
                queue.recycle(frame);
            }
        }
        assertThat(made).as("arrays made over three full bursts").hasSize(hwm);
    }

    @Test
    void shouldHaveRoomForEveryFrameAFullQueueHolds() {
        assertThat(FrameQueue.ringSlots(1000)).isEqualTo(2048);
        assertThat(FrameQueue.ringSlots(1)).isEqualTo(16);
        assertThat(FrameQueue.ringSlots(100)).isEqualTo(256);
        assertThat(FrameQueue.ringSlots(0)).isEqualTo(FrameQueue.MAX_RECYCLED_ARRAYS);
        assertThat(FrameQueue.ringSlots(1_000_000)).isEqualTo(FrameQueue.MAX_RECYCLED_ARRAYS);
    }

    @Test
    void shouldDropEveryWaitingArrayWhenTheWriterAsks() {
        FrameQueue queue = new FrameQueue(1000);
        assertThat(queue.dropRecycled()).as("no ring yet").isFalse();
        List<byte[]> given = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            writeFilled(queue, 32, (byte) i);
        }
        for (int i = 0; i < 3; i++) {
            byte[] frame = queue.read();
            queue.claimLastRead(frame);
            queue.recycle(frame);
            given.add(frame);
        }
        assertThat(queue.dropRecycled()).isTrue();
        assertThat(queue.dropRecycled()).as("nothing left").isFalse();
        byte[] fresh = queue.takeRecycled(32);
        assertThat(given).noneMatch(array -> array == fresh);
        // the dropped bytes no longer count against the bound: recycling goes on
        queue.write(fresh, false);
        queue.flush();
        byte[] read = queue.read();
        queue.claimLastRead(read);
        queue.recycle(read);
        assertThat(queue.takeRecycled(32)).isSameAs(fresh);
    }

    /**
     * Whatever the reader does (keep a frame as the allocating API does, or copy it out and give
     * it back), a kept frame is never refilled, and no array is in two hands at once.
     */
    @Property(tries = 200)
    void shouldNeverRefillAKeptArray(@ForAll @Size(min = 1, max = 400) List<@IntRange(min = 1, max = 40) Integer> lengths,
                                     @ForAll @Size(min = 1, max = 400) List<Boolean> keeps) {
        FrameQueue queue = new FrameQueue(8);
        Map<byte[], Byte> kept = new IdentityHashMap<>();
        Map<byte[], Boolean> inFlight = new IdentityHashMap<>();
        byte value = 0;
        for (int i = 0; i < lengths.size(); i++) {
            byte[] frame = queue.takeRecycled(lengths.get(i));
            assertThat(kept).doesNotContainKey(frame);
            assertThat(inFlight).doesNotContainKey(frame);
            Arrays.fill(frame, ++value);
            queue.write(frame, false);
            queue.flush();
            inFlight.put(frame, true);
            byte[] read = queue.read();
            inFlight.remove(read);
            if (keeps.get(i % keeps.size())) {
                kept.put(read, read[0]);
            } else if (queue.claimLastRead(read)) {
                queue.recycle(read);
            }
        }
        kept.forEach((array, first) -> {
            for (byte b : array) {
                assertThat(b).isEqualTo(first);
            }
        });
    }
}
