package io.spineconsole.sandbox.feed;

import io.spineconsole.sandbox.messages.FeedIngest;
import io.spineconsole.sandbox.messages.FeedIngest.Change;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The live stream from the topic: every instance reads every partition, from the end as it starts, with a consumer
 * of its own that belongs to no group and commits nothing, and publishes each event on its own stream (so a console
 * sees all traffic whichever instance it talks to). Records the group's consumers set aside are skipped here.
 */
final class FeedStreamReader implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(FeedStreamReader.class);
    private final FeedSettings settings;
    private final FeedIngest ingest;
    private final KafkaConsumer<String, byte[]> consumer;
    private final FeedEventCodec codec = new FeedEventCodec();
    private volatile boolean running = true;

    FeedStreamReader(FeedSettings settings, FeedIngest ingest, String instance) {
        this.settings = settings;
        this.ingest = ingest;
        Map<String, Object> config = new HashMap<>(settings.client());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "spine-sandbox-stream-" + instance);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    public void run() {
        try {
            List<TopicPartition> partitions = partitions();
            if (partitions.isEmpty()) {
                return;
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            while (running) {
                List<Change> changes = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (codec.decode(r.key(), r.value()) instanceof FeedEventCodec.Accepted a) {
                        changes.add(a.change());
                    }
                }
                if (!changes.isEmpty()) {
                    ingest.observe(changes);
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("The Kafka feed's live stream reader stopped", e);
        } finally {
            consumer.close(Duration.ZERO);
        }
    }

    /** The topic's partitions, waiting while the topic is being made. */
    private List<TopicPartition> partitions() {
        while (running) {
            List<PartitionInfo> info = consumer.partitionsFor(settings.topic(), Duration.ofSeconds(10));
            if (info != null && !info.isEmpty()) {
                return info.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            }
            LOG.info("Kafka feed: waiting for topic {} to exist", settings.topic());
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
        }
        return List.of();
    }

    void stop() {
        running = false;
        consumer.wakeup();
    }
}
