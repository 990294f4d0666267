// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.EventType;
import io.zenmq.SocketEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class MonitorSinkTest {
    @Test
    void shouldDropTheOldestEventsWhenTheReaderLagsAndCountThem() throws InterruptedException {
        MonitorSink sink = new MonitorSink(EventType.all(), 2);
        sink.event(EventType.ACCEPTED, "a", 1);
        sink.event(EventType.ACCEPTED, "b", 2);
        sink.event(EventType.ACCEPTED, "c", 3);
        assertThat(sink.dropped()).isEqualTo(1);
        assertThat(sink.next(0)).isEqualTo(new SocketEvent(EventType.ACCEPTED, "b", 2));
        assertThat(sink.next(0)).isEqualTo(new SocketEvent(EventType.ACCEPTED, "c", 3));
        assertThat(sink.next(0)).isNull();
    }

    @Test
    void shouldEndWithMonitorStoppedAndIgnoreLaterEvents() throws InterruptedException {
        MonitorSink sink = new MonitorSink(EventType.all(), 8);
        sink.event(EventType.LISTENING, "x", 7);
        sink.stop();
        sink.event(EventType.ACCEPTED, "x", 8);
        assertThat(sink.next(-1)).isEqualTo(new SocketEvent(EventType.LISTENING, "x", 7));
        assertThat(sink.next(-1)).isEqualTo(new SocketEvent(EventType.MONITOR_STOPPED, "", 0));
        assertThat(sink.next(-1)).isNull();
        assertThat(sink.isFinished()).isTrue();
    }

    @Test
    void shouldEncodeTheVersionOneHeaderLittleEndian() {
        byte[] header = MonitorPublisher.header(new SocketEvent(EventType.CONNECT_RETRIED, "e", 0x01020304));
        assertThat(header).containsExactly(0x04, 0x00, 0x04, 0x03, 0x02, 0x01);
    }
}
