package io.spineconsole.domain.messages;

import io.spineconsole.contract.SchemaText;
import io.spineconsole.domain.Coded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where a message stands, held to the table under {@code MessageStatus} in openapi.yaml: which
 * statuses are terminal, which count as failed, and which a person may redeliver.
 */
class MessageStatusesTest {

    private static MessageStatus status(String code) {
        return Coded.fromCode(MessageStatus.class, code);
    }

    @Test
    void theStatusesAreTheDocumentsInItsOrder() {
        assertEquals(SchemaText.enumCodes("MessageStatus"), Arrays.stream(MessageStatus.values()).map(MessageStatus::code).toList());
    }

    @Test
    void failedAndRedeliverableAreAsTabled() {
        List<Map<String, String>> table = SchemaText.table("MessageStatus");
        assertEquals(MessageStatus.values().length, table.size(), "one row per status");
        Set<MessageStatus> failed = EnumSet.noneOf(MessageStatus.class);
        for (Map<String, String> row : table) {
            MessageStatus s = status(row.get("status"));
            assertEquals(row.get("counts as failed").equals("yes"), MessageStatuses.isFailed(s), s.code() + " failed?");
            assertEquals(row.get("redeliverable").equals("yes"), MessageStatuses.isRedeliverable(s),
                    s.code() + " redeliverable?");
            if (MessageStatuses.isFailed(s)) {
                failed.add(s);
            }
        }
        assertEquals(failed, MessageStatuses.FAILED);
        assertEquals(EnumSet.of(MessageStatus.NACKED, MessageStatus.TRANSMISSION_FAILED, MessageStatus.DEAD_LETTERED,
                MessageStatus.EXPIRED), failed);
    }

    @Test
    void terminalIsAsTabledWhereATransmissionFailureRestsOnlyWithoutRetries() {
        for (Map<String, String> row : SchemaText.table("MessageStatus")) {
            MessageStatus s = status(row.get("status"));
            String terminal = row.get("terminal");
            // "for non-reliable": a reliable message goes on to retrying; one that stays transmission-failed is done.
            boolean expected = terminal.equals("yes") || terminal.equals("for non-reliable");
            assertEquals(expected, MessageStatuses.isTerminal(s), s.code() + " terminal? (" + terminal + ")");
        }
    }

    @ParameterizedTest
    @EnumSource(MessageStatus.class)
    void onlyAMessageThatHasStoppedCanBeRedelivered(MessageStatus s) {
        if (MessageStatuses.isRedeliverable(s)) {
            assertTrue(MessageStatuses.isTerminal(s), s.code() + " is still on its way: redelivering would send it twice");
        }
    }

    @Test
    void aMessageOnItsWayIsNeitherFailedNorFinished() {
        for (MessageStatus s : List.of(MessageStatus.RECEIVED, MessageStatus.ROUTED, MessageStatus.RETRYING)) {
            assertFalse(MessageStatuses.isTerminal(s), s.code());
            assertFalse(MessageStatuses.isFailed(s), s.code());
        }
        for (MessageStatus s : List.of(MessageStatus.DELIVERED, MessageStatus.ACKNOWLEDGED)) {
            assertTrue(MessageStatuses.isTerminal(s), s.code() + " is a success");
            assertFalse(MessageStatuses.isFailed(s), s.code());
        }
    }

    @Test
    void aJobsLastThreeStatesAreTerminalAsTheDocumentSays() {
        assertEquals(SchemaText.enumCodes("JobState"), Arrays.stream(JobState.values()).map(JobState::code).toList());
        assertTrue(SchemaText.description("JobState").contains("The last three are terminal."));
        List<JobState> states = List.of(JobState.values());
        for (int i = 0; i < states.size(); i++) {
            assertEquals(i >= states.size() - 3, states.get(i).isTerminal(), states.get(i).code());
        }
    }

    @Test
    void aRedeliveryItemsOutcomesAreTheDocuments() {
        assertEquals(SchemaText.enumCodes("RedeliveryItemOutcome"),
                Arrays.stream(RedeliveryItemOutcome.values()).map(RedeliveryItemOutcome::code).toList());
    }

    @Test
    void anUnknownCodeIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Coded.fromCode(MessageStatus.class, "lost"));
        assertTrue(e.getMessage().contains("MessageStatus") && e.getMessage().contains("lost"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Coded.fromCode(MessageStatus.class, "DEAD_LETTERED"),
                "the wire speaks codes, never constant names");
    }
}
