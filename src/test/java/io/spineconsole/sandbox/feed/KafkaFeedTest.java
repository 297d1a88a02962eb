package io.spineconsole.sandbox.feed;

import io.spineconsole.api.wire.WireJson;
import io.spineconsole.contract.ContractValidator;
import io.spineconsole.domain.messages.MessageEvent;
import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.messages.MessagingPattern;
import io.spineconsole.domain.messages.StreamFilter;
import io.spineconsole.domain.messages.MessageStats;
import io.spineconsole.domain.messages.StatsGroup;
import io.spineconsole.domain.messages.StatsKey;
import io.spineconsole.domain.messages.StatsQuery;
import io.spineconsole.sandbox.AuditLog;
import io.spineconsole.sandbox.InteractionCatalogue;
import io.spineconsole.sandbox.PostgresFixture;
import io.spineconsole.sandbox.SandboxContext;
import io.spineconsole.sandbox.SandboxDatabase;
import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.sandbox.http.server.SandboxBackbone;
import io.spineconsole.domain.sandbox.FeedStatus;
import io.spineconsole.sandbox.SeedData;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.messages.FeedIngest.Change;
import io.spineconsole.sandbox.messages.FeedIngest.Kind;
import io.spineconsole.sandbox.messages.MessagesModule;
import io.spineconsole.sandbox.messages.StreamHub;
import io.spineconsole.sandbox.migration.MigrationSeed;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kafka feed end to end: a real KRaft broker in this JVM, two sandbox instances on one PostgreSQL consuming one
 * topic as one group, good events with bad records mixed in, and one instance killed half-way through. Every message
 * produced is stored exactly once, with its progress applied once; the quarantine holds exactly the bad records;
 * the roll-ups count every message once; the surviving instance streamed every event.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class KafkaFeedTest {
    private static final String TOPIC = "message-events";
    private static final int PARTITIONS = 6;
    private static final int MESSAGES = 20_000;
    private static final int PROGRESSED_EVERY = 10;
    private static KafkaFixture kafka;

    @BeforeAll
    static void broker() throws Exception {
        kafka = new KafkaFixture();
        kafka.createTopic(TOPIC, PARTITIONS);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    /** One sandbox instance: its own pool, context, message module and feed, on the shared database. */
    static final class Instance implements AutoCloseable {
        final SandboxDatabase database;
        final SandboxContext context;
        final MessagesModule messages;
        final KafkaFeed feed;

        Instance(String url, FeedSettings settings) {
            Clock clock = Clock.systemUTC();
            database = SandboxDatabase.open(url, null, null);
            InteractionCatalogue interactions = InteractionCatalogue.load();
            context = new SandboxContext(new Sql(database.dataSource()), clock,
                    new AuditLog(WireJson.strictMapper(), clock), WireJson.strictMapper(), database.product(),
                    interactions);
            new SeedData(interactions, clock).seedIfEmpty(context.sql(), new SeedData.Scale(10, 0),
                    MigrationSeed::seed);
            messages = new MessagesModule(context);
            feed = KafkaFeed.start(settings, context, messages);
        }

        @Override
        public void close() {
            feed.close();
            messages.close();
            database.close();
        }
    }

    @Test
    void twoInstancesStoreEveryMessageOnceThoughOneIsKilledHalfWay() throws Exception {
        String url = PostgresFixture.newDatabase();
        FeedSettings settings = new FeedSettings(kafka.bootstrap(), TOPIC, "test-group", false,
                Map.of("session.timeout.ms", "6000", "heartbeat.interval.ms", "500"));
        long started = System.nanoTime();
        Instance first = new Instance(url, settings);
        Instance second = new Instance(url, settings);
        StreamHub.Subscription watching = second.messages.stream().subscribe(StreamFilter.everything(), null);
        AtomicLong streamed = new AtomicLong();
        Thread drain = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    if (watching.next(200) != null) {
                        streamed.incrementAndGet();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        drain.start();
        try {
            feedBothAndKillOne(first, second, watching, streamed, started);
        } finally {
            drain.interrupt();
            second.close();
            first.messages.close();
            first.database.close();
        }
    }

    private void feedBothAndKillOne(Instance first, Instance second, StreamHub.Subscription watching,
                                    AtomicLong streamed, long started) throws Exception {
        Thread.sleep(3_000);  // both have joined the group and the stream readers sit at the end

        Map<String, Integer> bad = produce();
        int badCount = bad.values().stream().mapToInt(Integer::intValue).sum();
        long events = MESSAGES + MESSAGES / PROGRESSED_EVERY;

        Sql sql = first.context.sql();
        waitUntil(() -> sql.count("SELECT COUNT(*) FROM message") >= MESSAGES / 2, 60);
        long storedByFirst = first.feed.status().messagesStored();
        first.feed.kill();
        long atKill = sql.count("SELECT COUNT(*) FROM message");
        assertTrue(storedByFirst > 0, "the instance killed had its share of the partitions");
        assertTrue(atKill < MESSAGES, "killed half-way, not at the end");

        waitUntil(() -> sql.count("SELECT COUNT(*) FROM message") >= MESSAGES
                && sql.count("SELECT COUNT(*) FROM feed_quarantine") >= badCount
                && sql.count("SELECT COUNT(*) FROM message WHERE version = 2") >= MESSAGES / PROGRESSED_EVERY, 90);
        Thread.sleep(1_000);  // anything stored twice would show now

        assertEquals(MESSAGES, sql.count("SELECT COUNT(*) FROM message"));
        assertEquals(MESSAGES, sql.count("SELECT COUNT(DISTINCT message_id) FROM message"));
        assertEquals(MESSAGES / PROGRESSED_EVERY, sql.count("SELECT COUNT(*) FROM message WHERE version = 2"));
        assertEquals(0, sql.count("SELECT COUNT(*) FROM message WHERE version > 2"));
        // Each progressed message has its two events once each: received, then delivered.
        assertEquals(MESSAGES / PROGRESSED_EVERY, sql.count("SELECT COUNT(*) FROM message WHERE status = 'delivered'"));
        Map<String, Long> reasons = new TreeMap<>();
        sql.list("SELECT reason, COUNT(*) FROM feed_quarantine GROUP BY reason", r -> reasons.put(r.getString(1),
                r.getLong(2)));
        Map<String, Long> expected = new TreeMap<>();
        bad.forEach((k, v) -> expected.put(k, v.longValue()));
        assertEquals(expected, reasons);
        // The roll-ups, written in the batches' transactions by both instances, count every message once.
        assertEquals(MESSAGES, sql.count("SELECT COALESCE(SUM(msg_count), 0) FROM message_rollup "
                + "WHERE group_by = 'interaction'"));
        // Both instances serve the same statistics (read from the store both write), counting every message.
        Instant now = Instant.now();
        MessageStats fromFirst = first.messages.stats().stats(StatsQuery.lastHour(StatsGroup.INTERACTION), now);
        MessageStats fromSecond = second.messages.stats().stats(StatsQuery.lastHour(StatsGroup.INTERACTION), now);
        assertEquals(fromFirst.keys(), fromSecond.keys());
        assertEquals(MESSAGES, fromSecond.keys().stream().mapToLong(StatsKey::count).sum());
        // The survivor's live stream carried every good event (read or counted as dropped), whoever stored it.
        // The survivor's live stream carried every event that reads as one (read, or counted as dropped), whoever
        // stored it: the good ones, and those the store then refused (the stream runs ahead of the store).
        long refusedByStore = bad.get(FeedEventCodec.Reason.UNKNOWN_MESSAGE)
                + bad.get(FeedEventCodec.Reason.STORE_REJECTED);
        waitUntil(() -> streamed.get() + dropped(watching) >= events + refusedByStore, 20);
        assertEquals(events + refusedByStore, streamed.get() + dropped.get());
        KafkaFeedTestReport.print(started, atKill, second.feed.status());
    }

    @Test
    void aFedSandboxsSimulatorPublishesToTheTopicAndStoresWhatItPublished() throws Exception {
        kafka.createTopic("traffic-events", 3);
        FeedSettings settings = new FeedSettings(kafka.bootstrap(), "traffic-events", "traffic-group", true);
        SandboxBackbone.Config config = new SandboxBackbone.Config(PostgresFixture.newDatabase(), null, null,
                "127.0.0.1", 0, SandboxFixture.TINY, "server").withoutRateLimit().withFeed(settings);
        try (SandboxBackbone sandbox = SandboxBackbone.start(config, Clock.systemUTC())) {
            Sql sql = new Sql(sandbox.database().dataSource());
            long seeded = sql.count("SELECT COUNT(*) FROM message");
            sandbox.traffic().start(400);
            waitUntil(() -> sandbox.feed().status().messagesStored() >= 1_000, 60);
            sandbox.traffic().stop();
            waitUntil(() -> sandbox.feed().status().lag() != null && sandbox.feed().status().lag() == 0
                    && sandbox.feed().status().messagesStored() == sandbox.feed().published(), 30);
            FeedStatus status = sandbox.feed().status();
            assertTrue(status.configured() && status.messagesStored() >= 1_000, status.toString());
            assertEquals(sandbox.feed().published(), status.messagesStored(), "every event published was stored");
            assertEquals(0, status.quarantinedTotal(), "the simulator's events are all valid");
            assertEquals(List.of(0, 1, 2), status.partitions());
            long received = sql.count("SELECT COUNT(*) FROM message") - seeded;
            assertTrue(received > 0 && received <= status.messagesStored(), received + " new messages");
            assertEquals(received, sql.count("SELECT COALESCE(SUM(msg_count), 0) FROM message_rollup "
                    + "WHERE group_by = 'interaction'") - seeded, "the roll-ups count each new message once");
            // The route serves a running feed's status as the contract says.
            java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(sandbox.baseUrl() + "/api/v1/sandbox/feed"))
                            .header("Authorization", "Bearer " + sandbox.issueEmbeddedConsoleToken()).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals(List.of(), ContractValidator.get().validate("/components/schemas/SandboxFeed", answer.body()),
                    answer.body());
            assertTrue(answer.body().contains("\"state\":\"running\""), answer.body());
        }
    }

    private final AtomicLong dropped = new AtomicLong();

    private long dropped(StreamHub.Subscription s) {
        StreamHub.Dropped d = s.takeDropped();
        return d == null ? dropped.get() : dropped.addAndGet(d.count());
    }

    /** Produces the good events with bad records among them; returns how many bad records of each reason. */
    private static Map<String, Integer> produce() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap());
        config.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        FeedEventCodec codec = new FeedEventCodec();
        Random random = new Random(13);
        Map<String, Integer> bad = new TreeMap<>();
        Instant base = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(30, ChronoUnit.MINUTES);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            List<Change> progressLater = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                Change received = received(random, base.plusMillis(i * 50L));
                send(producer, received.messageId().toString(), codec.encode(received));
                if (i % PROGRESSED_EVERY == 0) {
                    progressLater.add(delivered(received));
                }
                if (progressLater.size() >= 50) {
                    for (Change c : progressLater) {
                        send(producer, c.messageId().toString(), codec.encode(c));
                    }
                    progressLater.clear();
                }
                if (i % 1_000 == 500) {
                    badRecords(producer, codec, random, base, bad);
                }
            }
            for (Change c : progressLater) {
                send(producer, c.messageId().toString(), codec.encode(c));
            }
            producer.flush();
        }
        return bad;
    }

    /** One of each kind of bad record. */
    private static void badRecords(KafkaProducer<String, byte[]> producer, FeedEventCodec codec, Random random,
                                   Instant base, Map<String, Integer> bad) {
        Change good = received(random, base);
        String key = good.messageId().toString();
        String json = new String(codec.encode(good), StandardCharsets.UTF_8);
        send(producer, key, "not json at all {".getBytes(StandardCharsets.UTF_8));
        bad.merge(FeedEventCodec.Reason.NOT_JSON, 1, Integer::sum);
        send(producer, key, json.replace("\"schema\":1", "\"schema\":2").getBytes(StandardCharsets.UTF_8));
        bad.merge(FeedEventCodec.Reason.UNSUPPORTED_SCHEMA, 1, Integer::sum);
        send(producer, key, json.replace("\"interaction\":", "\"interactionId\":").getBytes(StandardCharsets.UTF_8));
        bad.merge(FeedEventCodec.Reason.MISSING_FIELD, 1, Integer::sum);
        send(producer, key, json.replace("\"status\":\"received\",\"attempts\"",
                "\"status\":\"teleported\",\"attempts\"").getBytes(StandardCharsets.UTF_8));
        bad.merge(FeedEventCodec.Reason.UNKNOWN_STATUS, 1, Integer::sum);
        send(producer, key, (json + " ".repeat(FeedEventCodec.MAX_BYTES)).getBytes(StandardCharsets.UTF_8));
        bad.merge(FeedEventCodec.Reason.OVERSIZE, 1, Integer::sum);
        send(producer, UUID.randomUUID().toString(), codec.encode(good));
        bad.merge(FeedEventCodec.Reason.KEY_MISMATCH, 1, Integer::sum);
        Change ghost = delivered(received(random, base));  // progress on a message never received
        send(producer, ghost.messageId().toString(), codec.encode(ghost));
        bad.merge(FeedEventCodec.Reason.UNKNOWN_MESSAGE, 1, Integer::sum);
        Change tooLong = received(random, base);
        send(producer, tooLong.messageId().toString(), new String(codec.encode(tooLong), StandardCharsets.UTF_8)
                .replace("\"site\":\"DC1\"", "\"site\":\"" + "X".repeat(60) + "\"").replace("\"site\":\"DC2\"",
                        "\"site\":\"" + "X".repeat(60) + "\"").getBytes(StandardCharsets.UTF_8));
        bad.merge(FeedEventCodec.Reason.STORE_REJECTED, 1, Integer::sum);
    }

    private static void send(KafkaProducer<String, byte[]> producer, String key, byte[] value) {
        producer.send(new ProducerRecord<>(TOPIC, key, value));
    }

    static Change received(Random random, Instant at) {
        UUID id = new UUID(random.nextLong(), random.nextLong());
        String site = random.nextBoolean() ? "DC1" : "DC2";
        String interaction = "urn:nhs:names:services:test:INTERACTION" + random.nextInt(5);
        return new Change(Kind.RECEIVED, id, id, interaction, MessagingPattern.ASYNC_RELIABLE, "200000000001",
                "200000000002", "A1-0000001", "B2-0000002", "A1", "B2", null, site, MessageStatus.RECEIVED, 0, 900,
                null, null, null, null, null, at, at, null, null, false,
                List.of(new MessageEvent(1, MessageStatus.RECEIVED, null, "Received", site, at, 0)));
    }

    static Change delivered(Change r) {
        Instant at = r.createdAt().plusMillis(120);
        return new Change(Kind.PROGRESSED, r.messageId(), r.conversationId(), r.interaction(), r.pattern(),
                r.fromAsid(), r.toAsid(), r.fromPartyKey(), r.toPartyKey(), r.fromOds(), r.toOds(), r.endpointId(),
                r.site(), MessageStatus.DELIVERED, 1, r.sizeBytes(), 120L, null, null, null, null, r.createdAt(), at,
                null, null, true,
                List.of(new MessageEvent(2, MessageStatus.DELIVERED, null, "Accepted", r.site(), at, 1)));
    }

    private interface Condition {
        boolean met();
    }

    private static void waitUntil(Condition condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.met()) {
            if (System.nanoTime() > deadline) {
                return;  // the assertions that follow say what is missing
            }
            Thread.sleep(200);
        }
    }
}
