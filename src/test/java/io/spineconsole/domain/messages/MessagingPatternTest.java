package io.spineconsole.domain.messages;

import io.spineconsole.contract.SchemaText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ebXML messaging patterns: which are reliable (retried and acknowledged), and how catalogues spell them. */
class MessagingPatternTest {

    @Test
    void thePatternsAreTheDocumentsInItsOrder() {
        assertEquals(SchemaText.enumCodes("MessagingPattern"),
                Arrays.stream(MessagingPattern.values()).map(MessagingPattern::code).toList());
    }

    @Test
    void reliableMeansAcknowledgedAndRetriedAsTheDocumentDescribesEachPattern() {
        Set<MessagingPattern> reliable = EnumSet.noneOf(MessagingPattern.class);
        for (Map<String, String> row : SchemaText.table("MessagingPattern")) {
            MessagingPattern p = MessagingPattern.parseLenient(row.get("value")).orElseThrow();
            String meaning = row.get("meaning");
            if (meaning.startsWith("reliable") || meaning.contains("acknowledgement, retries")) {
                reliable.add(p);
            }
        }
        assertEquals(EnumSet.of(MessagingPattern.ASYNC_RELIABLE, MessagingPattern.FORWARD_RELIABLE), reliable);
        for (MessagingPattern p : MessagingPattern.values()) {
            assertEquals(reliable.contains(p), p.isReliable(), p.code());
        }
    }

    @ParameterizedTest
    @CsvSource({
            "sync, SYNC",
            "async-express, ASYNC_EXPRESS",
            "Async Reliable, ASYNC_RELIABLE",
            "FORWARD_RELIABLE, FORWARD_RELIABLE",
            "Forward Express, FORWARD_EXPRESS",
            "'  forward-express  ', FORWARD_EXPRESS",
    })
    void readsEverySpellingTheCataloguesUse(String text, MessagingPattern expected) {
        assertEquals(expected, MessagingPattern.parseLenient(text).orElseThrow(), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "reliable", "async reliable express", "forward--express", "syncronous"})
    void anythingElseIsNoPattern(String text) {
        assertTrue(MessagingPattern.parseLenient(text).isEmpty(), text);
    }

    @Test
    void noTextIsNoPattern() {
        assertTrue(MessagingPattern.parseLenient(null).isEmpty());
    }
}
