package io.spineconsole.sandbox.feed;

import io.spineconsole.sandbox.messages.FeedIngest;
import io.spineconsole.sandbox.messages.FeedIngest.Change;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This instance's share of the topic: a member of the consumer group, storing each poll's records in one
 * transaction with the partitions' next offsets ({@code kafka_offsets}) and the records it sets aside. Kafka's own
 * committed offsets are never used: on assignment each partition is sought to the offset stored with the rows, so
 * a killed or stalled instance neither loses nor repeats a message. A batch the store refuses is tried a record at
 * a time, and a record it still refuses is quarantined; the consumer goes on.
 */
final class FeedConsumer implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(FeedConsumer.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration BACK_OFF = Duration.ofSeconds(1);

    private final FeedSettings settings;
    private final FeedIngest ingest;
    private final FeedStore store;
    private final Clock clock;
    private final FeedEventCodec codec = new FeedEventCodec();
    private final KafkaConsumer<String, byte[]> consumer;
    /** The next offset this consumer stores, per partition it holds (consumer thread only). */
    private final Map<Integer, Long> position = new HashMap<>();
    private final Map<Integer, Long> lag = new ConcurrentHashMap<>();
    final AtomicLong read = new AtomicLong();
    final AtomicLong stored = new AtomicLong();
    final AtomicLong quarantined = new AtomicLong();
    private final RateMeter rate = new RateMeter();
    private volatile Instant lastBatchAt;
    private volatile boolean running = true;
    /** Set by a test: the next batch fails inside its transaction, then the consumer stops as a killed one would. */
    private volatile boolean killed;

    FeedConsumer(FeedSettings settings, FeedIngest ingest, FeedStore store, Clock clock, String instance) {
        this.settings = settings;
        this.ingest = ingest;
        this.store = store;
        this.clock = clock;
        Map<String, Object> config = new HashMap<>(settings.client());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.group());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);  // offsets live with the rows
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "spine-sandbox-" + instance);
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(settings.topic()), new Seeker());
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                measureLag();
                if (!records.isEmpty() && running) {
                    handle(records);
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("The Kafka feed's consumer stopped", e);
        } finally {
            consumer.close(killed ? Duration.ZERO : Duration.ofSeconds(5));
        }
    }

    /** On assignment, every partition is sought to the offset stored with the rows (0 for a new one). */
    private final class Seeker implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            Map<Integer, Long> offsets = store.claim(settings.group(), settings.topic(),
                    partitions.stream().map(TopicPartition::partition).toList(), clock.instant());
            for (TopicPartition tp : partitions) {
                long next = offsets.getOrDefault(tp.partition(), 0L);
                consumer.seek(tp, next);
                position.put(tp.partition(), next);
            }
            LOG.info("Kafka feed: storing partitions {} of {}", new TreeMap<>(offsets).keySet(), settings.topic());
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            for (TopicPartition tp : partitions) {
                position.remove(tp.partition());
                lag.remove(tp.partition());
            }
        }
    }

    private void measureLag() {
        for (TopicPartition tp : consumer.assignment()) {
            OptionalLong l = consumer.currentLag(tp);
            if (l.isPresent()) {
                lag.put(tp.partition(), l.getAsLong());
            }
        }
    }

    private void handle(ConsumerRecords<String, byte[]> records) {
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>(records.count());
        records.forEach(all::add);
        read.addAndGet(all.size());
        try {
            storeSplitting(all);
        } catch (RuntimeException e) {
            if (killed) {
                throw new WakeupException();
            }
            if (fenced(e)) {
                LOG.info("Kafka feed: another consumer stored these partitions meanwhile; reading where it left off");
            } else {
                LOG.warn("Kafka feed: the store is unavailable ({}); trying again shortly", rootMessage(e));
                sleep(BACK_OFF);
            }
            reclaimOnceTheStoreAnswers();
        }
    }

    /** Seeks back to the stored offsets, waiting while the store is down (the group may meanwhile move on). */
    private void reclaimOnceTheStoreAnswers() {
        while (running) {
            try {
                reclaim();
                return;
            } catch (RuntimeException e) {
                LOG.warn("Kafka feed: the store is still unavailable ({})", rootMessage(e));
                sleep(BACK_OFF);
            }
        }
    }

    /**
     * Stores records in one transaction; if the store refuses them, stores each half the same way, down to the
     * record it refuses, which is set aside (a few transactions for one bad record in a poll of thousands). When
     * even setting one aside fails the store is down: that is thrown, and the poll is read again later.
     */
    private void storeSplitting(List<ConsumerRecord<String, byte[]>> records) {
        try {
            store(records);
        } catch (RuntimeException refused) {
            if (killed || fenced(refused)) {
                throw refused;
            }
            if (records.size() > 1) {
                storeSplitting(records.subList(0, records.size() / 2));
                storeSplitting(records.subList(records.size() / 2, records.size()));
                return;
            }
            ConsumerRecord<String, byte[]> r = records.get(0);
            String reason = FeedIngest.unknownMessage(refused) ? FeedEventCodec.Reason.UNKNOWN_MESSAGE
                    : FeedEventCodec.Reason.STORE_REJECTED;
            commit(records, List.of(), List.of(quarantined(r, reason, rootMessage(refused))));
        }
    }

    /** Stores a poll's records in one transaction: the changes, the set-aside records, the offsets after them. */
    private void store(List<ConsumerRecord<String, byte[]>> records) {
        List<Change> changes = new ArrayList<>(records.size());
        List<FeedStore.Quarantined> bad = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            FeedEventCodec.Decoded d = codec.decode(r.key(), r.value());
            if (d instanceof FeedEventCodec.Accepted a) {
                changes.add(a.change());
            } else if (d instanceof FeedEventCodec.Rejected x) {
                bad.add(quarantined(r, x.reason(), x.detail()));
            }
        }
        commit(records, changes, bad);
    }

    private void commit(List<ConsumerRecord<String, byte[]>> records, List<Change> changes,
                        List<FeedStore.Quarantined> bad) {
        Map<Integer, long[]> fromTo = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            Long from = position.get(r.partition());
            if (from == null) {
                throw new IllegalStateException("a record of partition " + r.partition() + " not held");
            }
            fromTo.computeIfAbsent(r.partition(), p -> new long[] {from, 0})[1] = r.offset() + 1;
        }
        Instant now = clock.instant();
        ingest.apply(changes, c -> {
            FeedStore.quarantine(c, bad, now);
            FeedStore.advance(c, settings.group(), settings.topic(), fromTo, now);
            if (killed) {
                throw new java.sql.SQLException("killed in the middle of a batch (a test)");
            }
        });
        fromTo.forEach((p, ft) -> position.put(p, ft[1]));
        stored.addAndGet(changes.size());
        quarantined.addAndGet(bad.size());
        rate.add(changes.size(), System.nanoTime());
        lastBatchAt = now;
    }

    private FeedStore.Quarantined quarantined(ConsumerRecord<String, byte[]> r, String reason, String detail) {
        return new FeedStore.Quarantined(r.topic(), r.partition(), r.offset(), r.key(), r.value(), reason, detail);
    }

    /** Seeks every held partition back to the offset stored with the rows. */
    private void reclaim() {
        List<Integer> held = new ArrayList<>(position.keySet());
        if (held.isEmpty()) {
            return;
        }
        Map<Integer, Long> offsets = store.claim(settings.group(), settings.topic(), held, clock.instant());
        for (int p : held) {
            long next = offsets.getOrDefault(p, 0L);
            consumer.seek(new TopicPartition(settings.topic(), p), next);
            position.put(p, next);
        }
    }

    private static boolean fenced(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FeedStore.Fenced) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return m.strip().lines().findFirst().orElse("");
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The partitions this instance stores now. */
    List<Integer> partitions() {
        return lag.keySet().stream().sorted().toList();
    }

    /** Records not yet read in the partitions held; null before the first poll has measured it. */
    Long lag() {
        return lag.isEmpty() ? null : lag.values().stream().mapToLong(Long::longValue).sum();
    }

    double storedPerSecond() {
        return rate.perSecond(System.nanoTime());
    }

    Instant lastBatchAt() {
        return lastBatchAt;
    }

    void stop() {
        running = false;
        consumer.wakeup();
    }

    /** As a killed instance: the batch under way is rolled back, nothing more is stored or committed. */
    void kill() {
        killed = true;
        stop();
    }
}
