package io.spineconsole.sandbox.feed;

import io.spineconsole.sandbox.messages.FeedIngest.Change;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The traffic simulator's output as message events on the topic, keyed by message id (so one message's events stay
 * in order in one partition). Each tick's events are sent and waited for before the next tick: the simulator reads
 * due retries from the store, which the consumers fill.
 */
final class FeedPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FeedPublisher.class);
    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final FeedEventCodec codec = new FeedEventCodec();
    private final AtomicLong published = new AtomicLong();

    FeedPublisher(FeedSettings settings) {
        Map<String, Object> config = new HashMap<>(settings.client());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);  // a retried send is never written twice
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "spine-sandbox-traffic");
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        this.topic = settings.topic();
    }

    void publish(List<Change> changes) {
        for (Change c : changes) {
            producer.send(new ProducerRecord<>(topic, c.messageId().toString(), codec.encode(c)), (meta, error) -> {
                if (error != null) {
                    LOG.warn("Publishing a message event to {} failed: {}", topic, error.getMessage());
                }
            });
        }
        producer.flush();
        published.addAndGet(changes.size());
    }

    long published() {
        return published.get();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
