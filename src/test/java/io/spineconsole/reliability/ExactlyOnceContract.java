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
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TARGETS.md, exactly once: for every kind of acting request (create, transition, redeliver, job
 * start, import, sign-off), 32 identical requests sent at the same moment with one Idempotency-Key
 * have one effect, counted in the store and in the audit log; every one of them is answered with the
 * first's answer; and the same key with another body is refused (422) and changes nothing. Run on
 * H2 and on PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
abstract class ExactlyOnceContract {
    static final int TWINS = 32;
    private static final String M = "/api/v1/migration";
    private static final AtomicInteger SERIAL = new AtomicInteger();

    SandboxFixture sandbox;
    Wire wire;
    String admin;
    String operator;

    abstract SandboxFixture startSandbox();

    @BeforeAll
    void start() {
        sandbox = startSandbox();
        wire = new Wire(sandbox.baseUrl());
        admin = sandbox.adminToken();
        operator = sandbox.backbone().tokens().create("olu.operator", Role.OPERATOR);
    }

    @AfterAll
    void stop() {
        wire.close();
        sandbox.close();
    }

    @Test
    void createTwinsMakeOneRecord() throws Exception {
        String component = component();
        String title = "Twin step " + UUID.randomUUID();
        Call create = Call.post(M + "/components/" + component + "/runbook", operator,
                "{\"phase\":\"prepare\",\"title\":\"" + title + "\"}", key());

        Answer first = onceOnly(wire.twins(create, TWINS), 201);

        assertEquals(1, count("SELECT COUNT(*) FROM runbook_step WHERE title = ?", title), "steps in the store");
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE action = 'create' AND entity_type = 'runbook-step' "
                + "AND entity_id = ?", component + "/" + first.json().get("id").asText()), "audit entries");
        otherBodyIsRefused(create.withBody("{\"phase\":\"prepare\",\"title\":\"Another " + title + "\"}"));
        assertEquals(0, count("SELECT COUNT(*) FROM runbook_step WHERE title = ?", "Another " + title));
    }

    @Test
    void organisationTwinsAreAllAnsweredCreated() throws Exception {
        String ods = String.format(Locale.ROOT, "ZQ%03d", SERIAL.incrementAndGet());
        Call create = Call.post("/api/v1/registrations/organisations", admin, "{\"odsCode\":\"" + ods
                + "\",\"name\":\"Twin trust " + ods + "\",\"kind\":\"other\"}", key());

        onceOnly(wire.twins(create, TWINS), 201);

        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE action = 'create' AND entity_type = 'organisation' "
                + "AND entity_id = ?", ods));
        otherBodyIsRefused(create.withBody("{\"odsCode\":\"" + ods + "\",\"name\":\"Other\",\"kind\":\"other\"}"));
    }

    @Test
    void transitionTwinsMoveOnce() throws Exception {
        String component = component();
        long version = wire.send(Call.get(M + "/components/" + component, admin)).version();
        Call move = Call.post(M + "/components/" + component + "/transitions", operator,
                "{\"to\":\"preparing\",\"reason\":\"Twins start preparing\"}", key()).ifMatch(version);

        Answer first = onceOnly(wire.twins(move, TWINS), 200);

        assertEquals("preparing", first.json().get("state").asText());
        assertEquals(version + 1, first.version());
        assertEquals(1, count("SELECT COUNT(*) FROM component_transition WHERE component_code = ?", component));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE action = 'transition' AND entity_type = 'component' "
                + "AND entity_id = ?", component));
        otherBodyIsRefused(move.withBody("{\"to\":\"blocked\",\"reason\":\"Twins block\"}"));

        // A second effect under a new key is refused: with the version it was sent with, as stale; with the
        // current one, as a move the state does not allow.
        Call again = Call.post(move.path(), operator, move.body(), key()).ifMatch(version);
        assertEquals(412, wire.send(again).status());
        assertEquals(409, wire.send(Call.post(move.path(), operator, move.body(), key()).ifMatch(first.version())).status());
        assertEquals(1, count("SELECT COUNT(*) FROM component_transition WHERE component_code = ?", component));
    }

    @Test
    void redeliveryTwinsMakeOneCopy() throws Exception {
        UUID original = failedMessages(1).get(0);
        Call redeliver = Call.post("/api/v1/messages/" + original + "/redeliver", operator,
                "{\"reason\":\"Twin redelivery (INC0000032)\"}", key());

        Answer first = onceOnly(wire.twins(redeliver, TWINS), 201);

        assertEquals(original.toString(), first.json().get("redeliveryOf").asText().toLowerCase(Locale.ROOT));
        assertEquals(1, count("SELECT COUNT(*) FROM message WHERE redelivery_of = ?", original), "copies in the store");
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE action = 'redeliver' AND entity_id = ?",
                original.toString().toUpperCase(Locale.ROOT)), "audit entries");
        otherBodyIsRefused(redeliver.withBody("{\"reason\":\"Another twin redelivery\"}"));
        assertEquals(1, count("SELECT COUNT(*) FROM message WHERE redelivery_of = ?", original));
    }

    @Test
    void jobStartTwinsStartOneJob() throws Exception {
        List<UUID> originals = failedMessages(3);
        String reason = "Twin job " + UUID.randomUUID();
        Call start = Call.post("/api/v1/redelivery-jobs", operator, "{\"messageIds\":[\"" + originals.get(0) + "\",\""
                + originals.get(1) + "\",\"" + originals.get(2) + "\"],\"reason\":\"" + reason
                + "\",\"ratePerSecond\":50}", key());

        Answer first = onceOnly(wire.twins(start, TWINS), 202);

        String job = first.json().get("id").asText();
        assertEquals(1, count("SELECT COUNT(*) FROM redelivery_job WHERE reason = ?", reason), "jobs in the store");
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE action = 'create' AND entity_type = 'redelivery-job' "
                + "AND reason = ?", reason), "audit entries");
        awaitJob(job);
        for (UUID original : originals) {
            assertEquals(1, count("SELECT COUNT(*) FROM message WHERE redelivery_of = ?", original), "copies of " + original);
        }
        otherBodyIsRefused(start.withBody(start.body().replace(reason, "Another " + reason)));
        assertEquals(0, count("SELECT COUNT(*) FROM redelivery_job WHERE reason = ?", "Another " + reason));
    }

    @Test
    void importTwinsImportOnce() throws Exception {
        String ods = String.format(Locale.ROOT, "ZR%03d", SERIAL.incrementAndGet());
        String csv = "odsCode,name,kind,parentOdsCode,postcode\n" + ods + ",Imported twin " + ods + ",other,,\n";
        Call importing = Call.post("/api/v1/registrations/import?dryRun=false&type=organisations", admin, csv, key()).as("text/csv");

        Answer first = onceOnly(wire.twins(importing, TWINS), 200);

        assertEquals(1, first.json().at("/counts/created").asInt(), first.text());
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE action IN ('create', 'import') "
                + "AND entity_type = 'organisation' AND entity_id = ?", ods), "audit entries");
        otherBodyIsRefused(importing.withBody(csv.replace("Imported twin", "Imported other")));
    }

    @Test
    void signOffTwinsSignOnce() throws Exception {
        String site = String.format(Locale.ROOT, "DC-TWIN%d", SERIAL.incrementAndGet());
        assertEquals(201, wire.send(Call.post(M + "/sites", admin, "{\"code\":\"" + site + "\",\"name\":\"Twin data centre\","
                + "\"kind\":\"data-centre\",\"region\":\"Leeds\",\"status\":\"draining\"}", key())).status());
        for (JsonNode item : wire.send(Call.get(M + "/sites/" + site + "/checklist", admin)).json().get("items")) {
            Call done = new Call("PATCH", M + "/sites/" + site + "/checklist/items/" + item.get("key").asText(), operator,
                    "application/json", "{\"done\":true,\"evidence\":\"Report R-1\"}", null, item.get("version").asLong());
            assertEquals(200, wire.send(done).status());
        }
        long version = wire.send(Call.get(M + "/sites/" + site + "/checklist", admin)).version();
        Call signOff = Call.post(M + "/sites/" + site + "/checklist/sign-off", admin,
                "{\"statement\":\"No traffic; approved under CHG0043032\",\"days\":2}", key()).ifMatch(version);

        Answer first = onceOnly(wire.twins(signOff, TWINS), 200);

        assertEquals("Embedded console", first.json().get("signedOffBy").asText());
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE action = 'sign-off' AND entity_id = ?", site));
        otherBodyIsRefused(signOff.withBody("{\"statement\":\"Signed again\",\"days\":2}"));

        Answer again = wire.send(Call.post(signOff.path(), admin, signOff.body(), key()).ifMatch(first.version()));
        assertEquals(409, again.status(), "a second sign-off under a new key: " + again.text());
        assertEquals("ALREADY_SIGNED_OFF", again.json().at("/errors/0/code").asText());
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE action = 'sign-off' AND entity_id = ?", site));
    }

    /**
     * Every twin got the same answer with the expected status, and exactly one of them was not a replay:
     * the one that did the work.
     */
    static Answer onceOnly(List<Answer> answers, int status) {
        List<String> statuses = new ArrayList<>();
        answers.forEach(a -> statuses.add(a.status() + (a.status() == status ? "" : " " + a.text())));
        assertTrue(answers.stream().allMatch(a -> a.status() == status), "statuses: " + statuses);
        Answer first = answers.stream().filter(a -> !a.replayed()).findFirst().orElseThrow();
        assertEquals(1, answers.stream().filter(a -> !a.replayed()).count(), "answers that did the work");
        assertTrue(answers.stream().allMatch(a -> a.text().equals(first.text())), "every twin has the first's answer");
        return first;
    }

    /** The key again with another body: 422, and the first answer still stands. */
    void otherBodyIsRefused(Call other) throws Exception {
        Answer refused = wire.send(other);
        assertEquals(422, refused.status(), refused.text());
        assertEquals("DUPLICATE_REJECTED", refused.json().get("code").asText());
        assertEquals("IDEMPOTENCY_KEY_REUSED", refused.json().at("/errors/0/code").asText());
    }

    String component() throws Exception {
        String code = String.format(Locale.ROOT, "TWIN%d", SERIAL.incrementAndGet());
        Answer created = wire.send(Call.post(M + "/components", admin, "{\"code\":\"" + code + "\",\"name\":\"Twin "
                + code + "\",\"owner\":\"Test team\",\"wave\":3,\"hostedAt\":[\"DC-NORTH\"],\"dependsOn\":[]}", key()));
        assertEquals(201, created.status(), created.text());
        return code;
    }

    /** Failed messages nobody has redelivered yet, oldest first so live traffic does not compete. */
    List<UUID> failedMessages(int n) {
        List<UUID> ids = sql().list("SELECT message_id FROM message m WHERE status IN ('dead-lettered', 'nacked', "
                + "'transmission-failed', 'expired') AND redelivery_of IS NULL AND NOT EXISTS (SELECT 1 FROM message c "
                + "WHERE c.redelivery_of = m.message_id) ORDER BY created_at, message_id FETCH FIRST " + (n + 40 * SERIAL.get())
                + " ROWS ONLY", r -> r.getObject(1, UUID.class));
        int from = ids.size() - n;
        SERIAL.addAndGet(1);
        return ids.subList(Math.max(0, from), ids.size());
    }

    void awaitJob(String job) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String state = wire.send(Call.get("/api/v1/redelivery-jobs/" + job, operator)).json().at("/progress/state").asText();
            if (!state.equals("queued") && !state.equals("running")) {
                assertEquals("completed", state);
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job " + job + " did not finish");
    }

    long count(String query, Object... params) {
        return sql().count(query, params);
    }

    Sql sql() {
        return new Sql(sandbox.backbone().database().dataSource());
    }

    static String key() {
        return UUID.randomUUID().toString();
    }
}
