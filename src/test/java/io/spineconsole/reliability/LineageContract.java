package io.spineconsole.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import io.spineconsole.domain.Role;
import io.spineconsole.reliability.Wire.Answer;
import io.spineconsole.reliability.Wire.Call;
import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.sandbox.Sql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Redelivery lineage, on both stores: a message whose copy is in flight or was delivered is not
 * redelivered again, even under a new key, unless the request forces it (audited); the refusal names
 * the earlier copies and their states; many redeliveries of one message at once leave one live copy;
 * bulk jobs and their dry runs skip such messages as already redelivered; a dry run is run for real once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
abstract class LineageContract {
    SandboxFixture sandbox;
    Wire wire;
    String operator;

    abstract SandboxFixture startSandbox();

    @BeforeAll
    void start() {
        sandbox = startSandbox();
        wire = new Wire(sandbox.baseUrl());
        operator = sandbox.backbone().tokens().create("olu.operator", Role.OPERATOR);
    }

    @AfterAll
    void stop() {
        wire.close();
        sandbox.close();
    }

    @Test
    void aSecondRedeliveryIsRefusedNamingTheCopyUntilForced() throws Exception {
        UUID original = freshFailed(1).get(0);
        UUID copy = UUID.fromString(redeliver(original, "First resend (INC0000001)", false).json().get("messageId").asText());
        setStatus(copy, "delivered");

        Answer refused = redeliverAnswer(original, "Second resend, new key", false);
        assertEquals(409, refused.status(), refused.text());
        assertEquals("TRANSITION_REFUSED", refused.json().get("code").asText());
        assertEquals("ALREADY_REDELIVERED", refused.json().at("/errors/0/code").asText());
        assertEquals(copy.toString(), refused.json().at("/earlierCopies/0/messageId").asText());
        assertEquals("delivered", refused.json().at("/earlierCopies/0/status").asText());
        assertEquals(1, copies(original), "nothing was sent");

        JsonNode detail = wire.send(Call.get("/api/v1/messages/" + original, operator)).json();
        assertEquals(copy.toString(), detail.at("/lineage/0/messageId").asText(), "the detail shows the family");
        assertEquals("delivered", detail.at("/lineage/0/status").asText());

        Answer forced = redeliverAnswer(original, "Receiver lost the first copy (INC0000002)", true);
        assertEquals(201, forced.status(), forced.text());
        assertEquals(2, copies(original));
        String after = sql().one("SELECT after_json FROM audit_event WHERE action = 'redeliver' AND entity_id = ? "
                + "AND reason = ?", r -> r.getString(1), original.toString().toUpperCase(Locale.ROOT),
                "Receiver lost the first copy (INC0000002)").orElseThrow();
        JsonNode audited = Wire.JSON.readTree(after);
        assertTrue(audited.get("forced").asBoolean(), after);
        assertEquals(copy.toString(), audited.at("/earlierCopies/0/messageId").asText());
    }

    @Test
    void aCopyOfACopyCountsAndAFailedCopyDoesNotBlock() throws Exception {
        UUID original = freshFailed(1).get(0);
        UUID first = UUID.fromString(redeliver(original, "Resend one", false).json().get("messageId").asText());
        setStatus(first, "dead-lettered");
        UUID second = UUID.fromString(redeliver(first, "Resend the failed copy", false).json().get("messageId").asText());
        setStatus(second, "acknowledged");

        Answer original2 = redeliverAnswer(original, "Resend the original again", false);
        assertEquals(409, original2.status(), "the original's grandchild was delivered: " + original2.text());
        assertEquals(second.toString(), original2.json().at("/earlierCopies/0/messageId").asText());
        Answer first2 = redeliverAnswer(first, "Resend the first copy again", false);
        assertEquals(409, first2.status(), first2.text());
    }

    @Test
    void manyRedeliveriesOfOneMessageAtOnceLeaveOneLiveCopy() throws Exception {
        UUID original = freshFailed(1).get(0);
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            calls.add(Call.post("/api/v1/messages/" + original + "/redeliver", operator,
                    "{\"reason\":\"Resend from console " + i + "\"}", UUID.randomUUID().toString()));
        }
        List<Answer> answers = wire.all(calls);
        long created = answers.stream().filter(a -> a.status() == 201).count();
        assertTrue(answers.stream().allMatch(a -> a.status() == 201 || a.status() == 409), "201 or 409 only");
        assertEquals(created, copies(original), "every 201 is a copy and every copy a 201");
        assertTrue(sql().count("SELECT COUNT(*) FROM message WHERE redelivery_of = ? AND status NOT IN ('nacked', "
                + "'transmission-failed', 'dead-lettered', 'expired')", original) <= 1, "at most one copy is live");
    }

    @Test
    void dryRunsAndJobsSkipWhatWasAlreadyRedeliveredAndADryRunRunsForRealOnce() throws Exception {
        List<UUID> originals = freshFailed(3);
        UUID copy = UUID.fromString(redeliver(originals.get(0), "Resend ahead of the job", false).json()
                .get("messageId").asText());
        setStatus(copy, "routed");
        String ids = "[\"" + originals.get(0) + "\",\"" + originals.get(1) + "\",\"" + originals.get(2) + "\"]";

        JsonNode dry = wire.send(Call.post("/api/v1/redelivery-jobs", operator, "{\"messageIds\":" + ids
                + ",\"reason\":\"Dry run first\",\"dryRun\":true}", UUID.randomUUID().toString())).json();
        assertEquals(1, dry.at("/progress/alreadyRedelivered").asInt(), dry.toString());
        assertEquals(1, dry.at("/progress/skipped").asInt());
        JsonNode items = items(dry.get("id").asText());
        assertEquals("skipped", items.at("/0/outcome").asText());
        assertEquals(copy.toString(), items.at("/0/earlierCopy/messageId").asText());
        assertEquals("routed", items.at("/0/earlierCopy/status").asText());
        assertEquals("would-redeliver", items.at("/1/outcome").asText());
        assertTrue(dry.get("realRun").isNull());

        String forReal = "{\"fromDryRun\":\"" + dry.get("id").asText() + "\",\"reason\":\"For real now\",\"ratePerSecond\":50}";
        Answer real = wire.send(Call.post("/api/v1/redelivery-jobs", operator, forReal, UUID.randomUUID().toString()));
        assertEquals(202, real.status(), real.text());
        assertEquals(2, real.json().at("/progress/total").asInt(), "the dry run's would-redeliver messages");
        assertEquals(dry.get("id").asText(), real.json().get("fromDryRun").asText());
        awaitJob(real.json().get("id").asText());
        assertEquals(1, copies(originals.get(0)));
        assertEquals(1, copies(originals.get(1)));
        assertEquals(1, copies(originals.get(2)));
        JsonNode dryAfter = wire.send(Call.get("/api/v1/redelivery-jobs/" + dry.get("id").asText(), operator)).json();
        assertEquals(real.json().get("id").asText(), dryAfter.get("realRun").asText());

        Answer again = wire.send(Call.post("/api/v1/redelivery-jobs", operator, forReal, UUID.randomUUID().toString()));
        assertEquals(409, again.status(), again.text());
        assertEquals("ALREADY_RUN_FOR_REAL", again.json().at("/errors/0/code").asText());
        assertEquals(real.json().get("id").asText(), again.json().get("realRun").asText());

        // A real job over the same messages now finds them all redelivered.
        for (UUID id : originals) {
            sql().update("UPDATE message SET status = 'delivered' WHERE redelivery_of = ?", id);
        }
        JsonNode second = wire.send(Call.post("/api/v1/redelivery-jobs", operator, "{\"messageIds\":" + ids
                + ",\"reason\":\"Again, by mistake\",\"ratePerSecond\":50}", UUID.randomUUID().toString())).json();
        JsonNode finished = awaitJob(second.get("id").asText());
        assertEquals(3, finished.at("/progress/alreadyRedelivered").asInt(), finished.toString());
        for (UUID id : originals) {
            assertEquals(1, copies(id), "no second copy of " + id);
        }
        assertNull(items(second.get("id").asText()).at("/0/newMessageId").textValue());
    }

    Answer redeliver(UUID id, String reason, boolean force) throws Exception {
        Answer a = redeliverAnswer(id, reason, force);
        assertEquals(201, a.status(), a.text());
        return a;
    }

    Answer redeliverAnswer(UUID id, String reason, boolean force) throws Exception {
        return wire.send(Call.post("/api/v1/messages/" + id + "/redeliver", operator, "{\"reason\":\"" + reason + "\""
                + (force ? ",\"force\":true" : "") + "}", UUID.randomUUID().toString()));
    }

    JsonNode items(String job) throws Exception {
        return wire.send(Call.get("/api/v1/redelivery-jobs/" + job + "/items", operator)).json().get("items");
    }

    JsonNode awaitJob(String job) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            JsonNode j = wire.send(Call.get("/api/v1/redelivery-jobs/" + job, operator)).json();
            String state = j.at("/progress/state").asText();
            if (!state.equals("queued") && !state.equals("running")) {
                assertEquals("completed", state);
                return j;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job " + job + " did not finish");
    }

    /** Failed originals nobody has redelivered, taken from the oldest end so tests never share one. */
    private int taken;

    synchronized List<UUID> freshFailed(int n) {
        List<UUID> ids = sql().list("SELECT message_id FROM message m WHERE status IN ('dead-lettered', 'nacked', "
                + "'transmission-failed', 'expired') AND redelivery_of IS NULL AND NOT EXISTS (SELECT 1 FROM message c "
                + "WHERE c.redelivery_of = m.message_id) ORDER BY created_at, message_id FETCH FIRST " + (taken + n)
                + " ROWS ONLY", r -> r.getObject(1, UUID.class));
        assertFalse(ids.size() < taken + n, "enough failed messages");
        List<UUID> out = ids.subList(taken, taken + n);
        taken += n;
        return out;
    }

    void setStatus(UUID id, String status) {
        sql().update("UPDATE message SET status = ? WHERE message_id = ?", status, id);
    }

    long copies(UUID original) {
        return sql().count("SELECT COUNT(*) FROM message WHERE redelivery_of = ?", original);
    }

    Sql sql() {
        return new Sql(sandbox.backbone().database().dataSource());
    }
}
