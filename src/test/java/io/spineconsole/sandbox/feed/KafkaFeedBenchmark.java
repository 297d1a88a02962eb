package io.spineconsole.sandbox.feed;

import io.spineconsole.sandbox.PostgresFixture;
import io.spineconsole.sandbox.messages.FeedIngest.Change;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * How fast the feed stores a backlog: a topic filled first ({@code bench.events} received events, default 100,000,
 * and one progress event for every tenth), then one instance and then two instances (each on a fresh PostgreSQL
 * database and consumer group) store all of it; the wall time from the first batch stored to the last gives the rate.
 * {@code mvn -Pbench verify -Dbench.class=io.spineconsole.sandbox.feed.KafkaFeedBenchmark} (BENCHMARKS.md).
 */
public final class KafkaFeedBenchmark {
    private KafkaFeedBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int messages = Integer.getInteger("bench.events", 100_000);
        int runs = Integer.getInteger("bench.runs", 1);
        try (KafkaFixture kafka = new KafkaFixture()) {
            kafka.createTopic("bench", 6);
            long produced = fill(kafka, messages);
            for (int run = 0; run < runs; run++) {
                for (int instances = 1; instances <= 2; instances++) {
                    double seconds = drain(kafka, instances, produced, "bench-" + run + "-" + instances);
                    System.out.printf("KafkaFeedBenchmark: %d instance(s), %,d events stored in %.1f s: "
                            + "%,.0f events/s%n", instances, produced, seconds, produced / seconds);
                }
            }
        }
        System.exit(0);
    }

    private static long fill(KafkaFixture kafka, int messages) {
        FeedEventCodec codec = new FeedEventCodec();
        Random random = new Random(5);
        Instant base = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(50, ChronoUnit.MINUTES);
        long produced = 0;
        long started = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap(), ProducerConfig.LINGER_MS_CONFIG, 20),
                new StringSerializer(), new ByteArraySerializer())) {
            List<Change> later = new ArrayList<>();
            for (int i = 0; i < messages; i++) {
                Change r = KafkaFeedTest.received(random, base.plusMillis(i * 25L));
                producer.send(new ProducerRecord<>("bench", r.messageId().toString(), codec.encode(r)));
                produced++;
                if (i % 10 == 0) {
                    later.add(KafkaFeedTest.delivered(r));
                }
                if (later.size() >= 100) {
                    for (Change c : later) {
                        producer.send(new ProducerRecord<>("bench", c.messageId().toString(), codec.encode(c)));
                        produced++;
                    }
                    later.clear();
                }
            }
            for (Change c : later) {
                producer.send(new ProducerRecord<>("bench", c.messageId().toString(), codec.encode(c)));
                produced++;
            }
            producer.flush();
        }
        System.out.printf("KafkaFeedBenchmark: %,d events on the topic in %.1f s%n", produced,
                (System.nanoTime() - started) / 1e9);
        return produced;
    }

    private static long stored(List<KafkaFeedTest.Instance> instances) {
        return instances.stream().mapToLong(x -> x.feed.status().messagesStored()).sum();
    }

    private static double drain(KafkaFixture kafka, int count, long events, String group) throws Exception {
        String url = PostgresFixture.newDatabase();
        FeedSettings settings = new FeedSettings(kafka.bootstrap(), "bench", group, false);
        List<KafkaFeedTest.Instance> instances = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                instances.add(new KafkaFeedTest.Instance(url, settings));
            }
            // From the first batch stored (start-up and the group's first assignment are not the feed's rate).
            long first = 0;
            while ((first = stored(instances)) == 0) {
                Thread.sleep(20);
            }
            long started = System.nanoTime();
            while (stored(instances) < events) {
                Thread.sleep(100);
            }
            return (System.nanoTime() - started) / 1e9 * events / (events - first);
        } finally {
            for (KafkaFeedTest.Instance x : instances) {
                x.close();
            }
        }
    }
}
