package io.spineconsole.ui.messages;

import io.spineconsole.domain.messages.FailureGroup;
import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.ui.common.I18n;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A failure group's badge is worded from its injected fields: all of it, some of it, or none (no badge). */
class InjectedWordsTest {
    private final MessageText text = new MessageText(new I18n(Locale.UK), Clock.systemUTC());

    private static FailureGroup group(long count, String injected, long injectedCount) {
        Instant t = Instant.parse("2026-12-07T09:00:00Z");
        return new FailureGroup("nacked|5000|RR8-0000806", MessageStatus.NACKED, "5000", "NACK from RR8-0000806", count,
                t, t, UUID.randomUUID(), "urn:nhs:names:services:gp2gp:RCMR_IN030000UK06", null, "RR8-0000806", "RR8",
                null, null, 1, null, injected, injectedCount);
    }

    @Test
    void wordedFromTheFieldsNotTheDescription() {
        assertEquals("Injected by scenario \u201cWinter drill\u201d", FailuresView.injected(group(40, "Winter drill", 40), text));
        assertEquals("12 of 1,040 injected by scenario \u201cWinter drill\u201d",
                FailuresView.injected(group(1_040, "Winter drill", 12), text));
        assertEquals("", FailuresView.injected(group(40, null, 0), text), "real failures: no badge");
    }
}
