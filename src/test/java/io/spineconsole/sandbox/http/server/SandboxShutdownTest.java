package io.spineconsole.sandbox.http.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.spineconsole.sandbox.SandboxDatabase;
import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.sandbox.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stopping a sandbox while traffic runs at the national peak: the simulator stops before the store
 * closes, what the roll-ups held is written, and nothing is logged at WARN or above (the ticks
 * used to fail against an already-closed database).
 */
class SandboxShutdownTest {

    @Test
    void stoppingASandboxUnderTrafficLogsNoErrorAndWritesEveryRollup(@TempDir Path folder) throws Exception {
        // On a file, as the desktop's store is: a closed H2 store is shut down, and reopened from disk below.
        String url = "jdbc:h2:file:" + folder.resolve("shutdown").toAbsolutePath();
        SandboxFixture sandbox = SandboxFixture.start(url, SandboxFixture.TINY);
        sandbox.backbone().traffic().start(3_000);
        Thread.sleep(1_500);  // several ticks in, one likely under way when the stop comes
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        log.start();
        root.addAppender(log);
        try {
            sandbox.close();
            Thread.sleep(1_000);  // a tick or reload left running would fail in this second
        } finally {
            root.detachAppender(log);
        }
        List<String> problems = log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(e -> e.getLevel() + " " + e.getFormattedMessage()
                        + (e.getThrowableProxy() == null ? "" : ": " + e.getThrowableProxy().getMessage()))
                .collect(Collectors.toList());
        assertEquals(List.of(), problems, "stopping the sandbox logged problems");
        assertFalse(sandbox.backbone().traffic().isRunning());

        // Every message received is counted in the roll-ups the next start reads (nothing was left pending).
        try (SandboxDatabase reopened = SandboxDatabase.open(url, null, null)) {
            Sql sql = new Sql(reopened.dataSource());
            long messages = sql.count("SELECT COUNT(*) FROM message");
            long counted = sql.count("SELECT COALESCE(SUM(msg_count), 0) FROM message_rollup WHERE group_by = 'interaction'");
            assertTrue(messages > 400, messages + " messages: traffic ran");
            assertEquals(messages, counted, "every message stored is in the roll-ups");
        }
    }
}
