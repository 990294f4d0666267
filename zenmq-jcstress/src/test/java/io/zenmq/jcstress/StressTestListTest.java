// SPDX-License-Identifier: MPL-2.0
package io.zenmq.jcstress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.infra.StateCase;
import org.openjdk.jcstress.infra.TestInfo;
import org.openjdk.jcstress.infra.runners.TestList;

/**
 * The cheap check that `mvn verify` makes of this module (the stress tests themselves run only
 * through jcstress/run.sh): jcstress's processor listed every stress test, and each one forbids
 * something, with no more actors than the two cores of the smallest machine that runs them
 * (jcstress silently skips a test that needs more threads than there are cores). Add a new
 * stress test to {@link #EXPECTED}.
 */
class StressTestListTest {
    private static final List<String> EXPECTED = List.of(
            "io.zenmq.jcstress.FrameQueueHandOffTest",
            "io.zenmq.jcstress.FrameQueueStreamTest",
            "io.zenmq.jcstress.FrameQueueReaderWakeTest",
            "io.zenmq.jcstress.FrameQueueWriterWakeTest",
            "io.zenmq.jcstress.ConflateQueueNewestTest",
            "io.zenmq.jcstress.ConflateQueueEndTest",
            "io.zenmq.jcstress.WakeQueueProducersTest",
            "io.zenmq.jcstress.WakeQueueDrainTest",
            "io.zenmq.jcstress.WakeQueueReofferTest",
            "io.zenmq.jcstress.RegisterVsTerminateTest",
            "io.zenmq.jcstress.SharedReceiversTest",
            "io.zenmq.internal.socket.MailboxCloseVsPostTest",
            "io.zenmq.internal.socket.PipeWakeToMailboxTest",
            "io.zenmq.internal.socket.WaiterParkVsPostTest",
            "io.zenmq.internal.socket.TermVsBlockedRecvTest",
            "io.zenmq.internal.socket.TermVsBlockedSendTest",
            "io.zenmq.internal.socket.CloseVsBlockedRecvTest");

    @Test
    void everyStressTestIsListed() {
        assertThat(TestList.tests()).containsExactlyInAnyOrderElementsOf(EXPECTED);
    }

    @Test
    void everyStressTestForbidsAnOutcome() {
        for (String name : EXPECTED) {
            TestInfo info = TestList.getInfo(name);
            Collection<StateCase> cases = info.cases();
            boolean forbids = info.unmatched() != null && info.unmatched().expect() == Expect.FORBIDDEN
                    || cases.stream().anyMatch(c -> c.expect() == Expect.FORBIDDEN);
            assertThat(forbids).as("%s forbids an outcome", name).isTrue();
            assertThat(cases).as("%s has acceptable outcomes", name)
                    .anyMatch(c -> c.expect() == Expect.ACCEPTABLE);
            assertThat(info.threads()).as("%s threads", name).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void theStressTestsLoadWithTheCoreOnTheClassPath() throws ClassNotFoundException {
        for (String name : EXPECTED) {
            assertThat(Class.forName(name).getAnnotation(org.openjdk.jcstress.annotations.JCStressTest.class))
                    .as(name).isNotNull();
        }
    }
}
