// SPDX-License-Identifier: MPL-2.0
package io.zenmq.reliability.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The oracle itself: each kind of fault in a history is named, and only that one. */
class SeqCheckerTest {
    private final SplittableRandom random = new SplittableRandom(7);

    private byte[][] msg(int producer, int epoch, long seq) {
        return Stamp.message(producer, epoch, seq, 3, 0, 50, random);
    }

    private static void feed(SeqChecker c, byte[][] m) {
        c.accept(m, m.length);
    }

    @Test
    void aCleanHistoryIsClean() {
        SeqChecker c = new SeqChecker();
        for (long s = 0; s < 100; s++) {
            feed(c, msg(1, 0, s));
            feed(c, msg(2, 0, s));
        }
        c.expect(1, 0, 100);
        Verdict v = c.verdict();
        assertThat(v).isEqualTo(new Verdict(200, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        v.assertClean(0, 0);
    }

    @Test
    void aGapIsLossAndOnlyAllowedWhereADisconnectWas() {
        SeqChecker c = new SeqChecker();
        for (long s = 0; s < 100; s++) {
            if (s < 40 || s >= 45) {
                feed(c, msg(1, 0, s));
            }
        }
        Verdict v = c.verdict();
        assertThat(v.lost()).isEqualTo(5);
        assertThat(v.gaps()).isEqualTo(1);
        assertThat(v.maxGap()).isEqualTo(5);
        v.assertClean(1, 5);
        assertThatThrownBy(() -> v.assertClean(0, 100)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> v.assertClean(1, 4)).isInstanceOf(AssertionError.class);
    }

    @Test
    void lossAtTheEndCountsOnceTheProducerSaysWhatItSent() {
        SeqChecker c = new SeqChecker();
        for (long s = 0; s < 10; s++) {
            feed(c, msg(1, 0, s));
        }
        c.expect(1, 0, 12);
        assertThat(c.verdict().lost()).isEqualTo(2);
        assertThat(c.verdict().gaps()).isEqualTo(1);
    }

    @Test
    void duplicatesReorderingTearsCorruptionAndStrangersAreNamed() {
        SeqChecker c = new SeqChecker();
        feed(c, msg(1, 0, 0));
        feed(c, msg(1, 0, 0)); // duplicated
        feed(c, msg(1, 0, 2)); // a gap of one...
        feed(c, msg(1, 0, 1)); // ...filled late: reordered
        byte[][] multi = msg(1, 0, 5); // 4 parts (every 3rd)
        assertThat(multi.length).isEqualTo(4);
        c.accept(multi, 3); // a part missing: torn
        byte[][] flipped = msg(1, 0, 6);
        flipped[0][flipped[0].length - 1] ^= 1;
        feed(c, flipped); // corrupt
        c.accept(new byte[] {1, 2, 3}); // unexpected
        byte[][] mixed = {msg(1, 0, 7)[0], msg(1, 0, 8)[0]};
        c.accept(mixed, 2); // parts of two messages: torn
        c.expect(1, 0, 9);
        feed(c, msg(1, 0, 20)); // beyond what was sent: unexpected
        Verdict v = c.verdict();
        assertThat(v.duplicated()).isEqualTo(1);
        assertThat(v.reordered()).isEqualTo(1);
        assertThat(v.torn()).isEqualTo(2);
        assertThat(v.corrupt()).isEqualTo(1);
        assertThat(v.unexpected()).isEqualTo(2);
        assertThatThrownBy(() -> v.assertClean(10, 100)).isInstanceOf(AssertionError.class);
    }

    @Test
    void olderMessagesAfterAReconnectAreLateNotReordered() {
        SeqChecker c = new SeqChecker();
        feed(c, msg(1, 0, 0));
        feed(c, msg(1, 0, 3)); // the new connection's first message, read before...
        c.reconnected();
        feed(c, msg(1, 0, 1)); // ...what the old one left in the queue
        feed(c, msg(1, 0, 2));
        Verdict v = c.verdict();
        assertThat(v.reordered()).isZero();
        assertThat(v.late()).isEqualTo(2);
        assertThat(v.lost()).isZero();
        assertThat(v.gaps()).isZero();
        v.assertClean(0, 0);
    }

    @Test
    void epochsAreSeparateStreams() {
        SeqChecker c = new SeqChecker();
        feed(c, msg(1, 0, 0));
        feed(c, msg(1, 0, 1));
        feed(c, msg(1, 1, 0)); // a restarted producer starts again at 0
        c.verdict().assertClean(0, 0);
    }

    @Test
    void theVerdictSurvivesItsJsonLine() {
        Verdict v = new Verdict(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(Verdict.fromJson(v.toJson())).isEqualTo(v);
    }
}
