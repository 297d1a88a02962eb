package io.spineconsole.sandbox.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spineconsole.domain.Coded;
import io.spineconsole.domain.messages.MessageEvent;
import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.messages.MessagingPattern;
import io.spineconsole.sandbox.messages.FeedIngest.Change;
import io.spineconsole.sandbox.messages.FeedIngest.Kind;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The message event on the topic, version 1 (docs/KAFKA_FEED.md): a JSON object keyed by the message id, so that
 * one message's events stay in order in one partition. Reading never throws: a record that is not a version-1
 * event of a known kind, with every field it needs, is a {@link Rejected} with a stable reason.
 */
final class FeedEventCodec {
    static final int SCHEMA = 1;
    /** A record larger than this is set aside unread (an event is about 0.5–1 KB). */
    static final int MAX_BYTES = 64 * 1024;

    private final ObjectMapper mapper = new ObjectMapper();

    /** What reading a record gave: a change to store, or why it cannot be. */
    sealed interface Decoded permits Accepted, Rejected {
    }

    record Accepted(Change change) implements Decoded {
    }

    /** {@code reason} is a stable code (see {@link Reason}); {@code detail} says which field and why. */
    record Rejected(String reason, String detail) implements Decoded {
    }

    /** The stable reasons a record is quarantined for. */
    static final class Reason {
        static final String OVERSIZE = "oversize";
        static final String NOT_JSON = "not-json";
        static final String UNSUPPORTED_SCHEMA = "unsupported-schema";
        static final String UNKNOWN_KIND = "unknown-kind";
        static final String MISSING_FIELD = "missing-field";
        static final String INVALID_FIELD = "invalid-field";
        static final String UNKNOWN_STATUS = "unknown-status";
        static final String KEY_MISMATCH = "key-mismatch";
        static final String UNKNOWN_MESSAGE = "unknown-message";
        static final String STORE_REJECTED = "store-rejected";

        private Reason() {
        }
    }

    /** The record's value as JSON (UTF-8). */
    byte[] encode(Change c) {
        ObjectNode n = mapper.createObjectNode();
        n.put("schema", SCHEMA);
        n.put("kind", c.kind().name().toLowerCase(Locale.ROOT));
        n.put("messageId", c.messageId().toString());
        n.put("conversationId", c.conversationId().toString());
        n.put("interaction", c.interaction());
        n.put("pattern", c.pattern().code());
        n.put("fromOds", c.fromOds());
        n.put("fromAsid", c.fromAsid());
        n.put("fromPartyKey", c.fromPartyKey());
        n.put("toOds", c.toOds());
        n.put("toAsid", c.toAsid());
        n.put("toPartyKey", c.toPartyKey());
        n.put("endpointId", text(c.endpointId()));
        n.put("site", c.site());
        n.put("status", c.status().code());
        n.put("attempts", c.attempts());
        n.put("sizeBytes", c.sizeBytes());
        n.put("latencyMs", c.latencyMs());
        n.put("errorCode", c.errorCode());
        n.put("errorDescription", c.errorDescription());
        n.put("redeliveryOf", text(c.redeliveryOf()));
        n.put("redeliveryJobId", text(c.redeliveryJobId()));
        n.put("createdAt", text(c.createdAt()));
        n.put("updatedAt", text(c.updatedAt()));
        n.put("nextAttemptAt", text(c.nextAttemptAt()));
        n.put("injected", c.injected());
        n.put("finished", c.finished());
        ArrayNode events = n.putArray("events");
        for (MessageEvent e : c.events()) {
            ObjectNode ev = events.addObject();
            ev.put("seq", e.seq());
            ev.put("status", e.status().code());
            ev.put("code", e.code());
            ev.put("description", e.description());
            ev.put("site", e.site());
            ev.put("at", e.at().toString());
            ev.put("attempt", e.attempt());
        }
        try {
            return mapper.writeValueAsBytes(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** Reads one record: its key (the message id) and value. */
    Decoded decode(String key, byte[] value) {
        if (value == null) {
            return new Rejected(Reason.MISSING_FIELD, "the record has no value");
        }
        if (value.length > MAX_BYTES) {
            return new Rejected(Reason.OVERSIZE, value.length + " bytes; at most " + MAX_BYTES);
        }
        JsonNode n;
        try {
            n = mapper.readTree(value);
        } catch (java.io.IOException e) {
            return new Rejected(Reason.NOT_JSON, "not a JSON object");
        }
        if (n == null || !n.isObject()) {
            return new Rejected(Reason.NOT_JSON, "not a JSON object");
        }
        JsonNode schema = n.get("schema");
        if (schema == null || !schema.isInt() || schema.intValue() != SCHEMA) {
            return new Rejected(Reason.UNSUPPORTED_SCHEMA, "schema " + (schema == null ? "missing" : schema.toString())
                    + "; this sandbox reads schema " + SCHEMA);
        }
        try {
            Change change = change(n);
            if (key == null || !key.equals(change.messageId().toString())) {
                return new Rejected(Reason.KEY_MISMATCH, "the record's key is not its messageId");
            }
            return new Accepted(change);
        } catch (FieldProblem p) {
            return new Rejected(p.reason, p.getMessage());
        }
    }

    private static Change change(JsonNode n) {
        String kindText = required(n, "kind");
        Kind kind = switch (kindText) {
            case "received" -> Kind.RECEIVED;
            case "progressed" -> Kind.PROGRESSED;
            default -> throw new FieldProblem(Reason.UNKNOWN_KIND, "kind '" + bounded(kindText)
                    + "'; expected received or progressed");
        };
        List<MessageEvent> events = new ArrayList<>();
        JsonNode list = n.get("events");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new FieldProblem(Reason.MISSING_FIELD, "events: at least one event is needed");
        }
        for (JsonNode e : list) {
            events.add(new MessageEvent(integer(e, "seq"), coded(MessageStatus.class, e, "events.status"),
                    optional(e, "code"), required(e, "description"), optional(e, "site"), instant(e, "at", true),
                    integer(e, "attempt")));
        }
        return new Change(kind, uuid(n, "messageId", true), uuid(n, "conversationId", true),
                required(n, "interaction"), coded(MessagingPattern.class, n, "pattern"), required(n, "fromAsid"),
                required(n, "toAsid"), optional(n, "fromPartyKey"), optional(n, "toPartyKey"), required(n, "fromOds"),
                required(n, "toOds"), uuid(n, "endpointId", false), required(n, "site"),
                coded(MessageStatus.class, n, "status"), integer(n, "attempts"), integer(n, "sizeBytes"),
                n.hasNonNull("latencyMs") ? (long) integer(n, "latencyMs") : null, optional(n, "errorCode"),
                optional(n, "errorDescription"), uuid(n, "redeliveryOf", false), uuid(n, "redeliveryJobId", false),
                instant(n, "createdAt", true), instant(n, "updatedAt", true), instant(n, "nextAttemptAt", false),
                optional(n, "injected"), n.path("finished").asBoolean(false), events);
    }

    /** A field missing or not of its type: the record is rejected for {@code reason}. */
    private static final class FieldProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String reason;

        FieldProblem(String reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }
    }

    private static String required(JsonNode n, String name) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            throw new FieldProblem(Reason.MISSING_FIELD, name + " is missing");
        }
        if (!v.isTextual() || v.textValue().isBlank()) {
            throw new FieldProblem(Reason.INVALID_FIELD, name + " is not a text");
        }
        return v.textValue();
    }

    private static String optional(JsonNode n, String name) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new FieldProblem(Reason.INVALID_FIELD, name + " is not a text");
        }
        return v.textValue();
    }

    private static int integer(JsonNode n, String name) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            throw new FieldProblem(Reason.MISSING_FIELD, name + " is missing");
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.intValue() < 0) {
            throw new FieldProblem(Reason.INVALID_FIELD, name + " is not a whole number from 0");
        }
        return v.intValue();
    }

    private static UUID uuid(JsonNode n, String name, boolean needed) {
        String text = needed ? required(n, name) : optional(n, name);
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new FieldProblem(Reason.INVALID_FIELD, name + " is not a UUID");
        }
    }

    private static Instant instant(JsonNode n, String name, boolean needed) {
        String text = needed ? required(n, name) : optional(n, name);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new FieldProblem(Reason.INVALID_FIELD, name + " is not an ISO-8601 instant");
        }
    }

    private static <E extends Enum<E> & Coded> E coded(Class<E> type, JsonNode n, String name) {
        String text = required(n, name.substring(name.lastIndexOf('.') + 1));
        try {
            return Coded.fromCode(type, text);
        } catch (IllegalArgumentException e) {
            boolean status = type.equals(MessageStatus.class);
            throw new FieldProblem(status ? Reason.UNKNOWN_STATUS : Reason.INVALID_FIELD, name + " '" + bounded(text)
                    + "' is not a known " + (status ? "status" : "messaging pattern"));
        }
    }

    private static String bounded(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    /** The value as text for the quarantine: at most {@code max} characters (invalid UTF-8 replaced). */
    static String rawCopy(byte[] value, int max) {
        if (value == null) {
            return null;
        }
        String text = new String(value, 0, Math.min(value.length, max * 4), StandardCharsets.UTF_8);
        return text.length() <= max ? text : text.substring(0, max);
    }
}
