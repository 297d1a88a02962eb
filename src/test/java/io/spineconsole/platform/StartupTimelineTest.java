package io.spineconsole.platform;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The start-up timeline: what the log and the start-up benchmark read from it. */
class StartupTimelineTest {

    @Test
    void eachPhaseIsLoggedOnceWithItsDurationAndWhenItEndedAfterLaunch() {
        StartupTimeline timeline = new StartupTimeline(System.currentTimeMillis() - 5_000);
        List<String> log = new ArrayList<>();
        timeline.record("jvm", 0, 180);
        timeline.onEntry(e -> log.add(e.describe())); // phases over before logging started are logged too
        timeline.record("first-frame", 1_422, 1_834);
        timeline.record("first-frame", 3_000, 4_000); // a second window is not start-up

        assertEquals(List.of("jvm: 180 ms, done 180 ms after launch", "first-frame: 412 ms, done 1,834 ms after launch"), log);
        assertEquals("startup-phase first-frame 1422 1834", timeline.entries().get(1).machineLine());
    }

    @Test
    void aPhaseRunsFromBeginToCloseAndClosingTwiceRecordsItOnce() throws Exception {
        StartupTimeline timeline = new StartupTimeline(System.currentTimeMillis());
        StartupPhases.Phase phase = timeline.begin("sandbox.flyway");
        Thread.sleep(30);
        phase.close();
        phase.close();

        assertEquals(1, timeline.entries().size());
        StartupTimeline.Entry flyway = timeline.entries().get(0);
        assertEquals("sandbox.flyway", flyway.phase());
        assertTrue(flyway.durationMs() >= 25, flyway.describe());
    }

    @Test
    void onceFinishedItRecordsNothingAndRunsWhatWaitedForTheEndOnce() {
        StartupTimeline timeline = new StartupTimeline(System.currentTimeMillis());
        List<String> ran = new ArrayList<>();
        timeline.onFinish(() -> ran.add("traffic"));
        timeline.record("first-summary", 2_000, 2_900);
        timeline.finish();
        timeline.finish();
        timeline.record("sign-in", 5_000, 5_100); // a later connect
        timeline.onFinish(() -> ran.add("late")); // asked after the end: runs at once

        assertEquals(List.of("traffic", "late"), ran);
        assertTrue(timeline.isFinished());
        assertFalse(timeline.has("sign-in"));
    }

    @Test
    void theProcessAgeOnLinuxIsNoLessThanTheJvmsOwnUptime() {
        long age = StartupTimeline.linuxProcessAgeMs();
        long jvmUptime = ManagementFactory.getRuntimeMXBean().getUptime();
        assumeTrue(age >= 0, "no /proc here");
        // The process started before its JVM did, and /proc counts in 10 ms ticks.
        assertTrue(age + 20 >= jvmUptime, "process age " + age + " ms, JVM uptime " + jvmUptime + " ms");
        assertTrue(age < jvmUptime + 60_000, "process age " + age + " ms, JVM uptime " + jvmUptime + " ms");
    }
}
