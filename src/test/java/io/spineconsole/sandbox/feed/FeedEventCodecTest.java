package io.spineconsole.sandbox.feed;

import io.spineconsole.domain.messages.MessageEvent;
import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.messages.MessagingPattern;
import io.spineconsole.sandbox.messages.FeedIngest.Change;
import io.spineconsole.sandbox.messages.FeedIngest.Kind;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The topic's event format, version 1: what is written reads back the same; what is not an event says why. */
class FeedEventCodecTest {
    private final FeedEventCodec codec = new FeedEventCodec();
    private final Instant at = Instant.parse("2026-12-07T09:00:00.123456Z");
    private final UUID id = UUID.fromString("01890a5d-ac96-774b-bcce-b302099a8057");
    private final Change change = new Change(Kind.PROGRESSED, id, id, "urn:nhs:names:services:pds:QUPA_IN000006UK02",
            MessagingPattern.SYNC, "200000000001", "200000000002", "A1-0000001", null, "A1", "B2",
            UUID.fromString("7d9b3c2e-1a4f-4e8b-9c6d-2f5a8b1e3c70"), "DC1", MessageStatus.DELIVERED, 1, 1_234, 80L,
            null, null, null, null, at, at.plusMillis(80), null, "Outage drill", true,
            List.of(new MessageEvent(3, MessageStatus.DELIVERED, null, "Response returned", "DC1", at.plusMillis(80),
                    1)));

    @Test
    void anEventReadsBackAsItWasWritten() {
        FeedEventCodec.Decoded read = codec.decode(id.toString(), codec.encode(change));
        assertEquals(change, assertInstanceOf(FeedEventCodec.Accepted.class, read).change());
    }

    @Test
    void whatIsNotAnEventSaysWhy() {
        String json = new String(codec.encode(change), StandardCharsets.UTF_8);
        String key = id.toString();
        assertReason(FeedEventCodec.Reason.NOT_JSON, key, "[1, 2");
        assertReason(FeedEventCodec.Reason.NOT_JSON, key, "\"a string\"");
        assertReason(FeedEventCodec.Reason.UNSUPPORTED_SCHEMA, key, json.replace("\"schema\":1", "\"schema\":\"1\""));
        assertReason(FeedEventCodec.Reason.UNKNOWN_KIND, key, json.replace("progressed", "teleported"));
        assertReason(FeedEventCodec.Reason.MISSING_FIELD, key, json.replace("\"createdAt\"", "\"created\""));
        assertReason(FeedEventCodec.Reason.MISSING_FIELD, key, json.replaceAll("\"events\":\\[.*]", "\"events\":[]"));
        assertReason(FeedEventCodec.Reason.INVALID_FIELD, key, json.replace("\"attempts\":1", "\"attempts\":-1"));
        assertReason(FeedEventCodec.Reason.INVALID_FIELD, key, json.replace("\"pattern\":\"sync\"",
                "\"pattern\":\"carrier-pigeon\""));
        assertReason(FeedEventCodec.Reason.UNKNOWN_STATUS, key, json.replace("\"status\":\"delivered\",\"attempts\"",
                "\"status\":\"lost\",\"attempts\""));
        assertReason(FeedEventCodec.Reason.KEY_MISMATCH, null, json);
        assertEquals(FeedEventCodec.Reason.OVERSIZE, ((FeedEventCodec.Rejected) codec.decode(key,
                new byte[FeedEventCodec.MAX_BYTES + 1])).reason());
        assertEquals(FeedEventCodec.Reason.MISSING_FIELD, ((FeedEventCodec.Rejected) codec.decode(key, null)).reason());
    }

    private void assertReason(String reason, String key, String value) {
        FeedEventCodec.Decoded read = codec.decode(key, value.getBytes(StandardCharsets.UTF_8));
        assertEquals(reason, assertInstanceOf(FeedEventCodec.Rejected.class, read, value).reason(), value);
    }

    @Test
    void aQuarantinedValueIsCutToItsBoundOnACharacter() {
        assertEquals("ab", FeedEventCodec.rawCopy("abc".getBytes(StandardCharsets.UTF_8), 2));
        assertEquals("é", FeedEventCodec.rawCopy("éé".getBytes(StandardCharsets.UTF_8), 1));
    }
}
