package io.spineconsole.sandbox.feed;

import io.spineconsole.api.Page;
import io.spineconsole.domain.sandbox.FeedStatus;
import io.spineconsole.domain.sandbox.QuarantinedRecord;
import io.spineconsole.sandbox.SandboxContext;
import io.spineconsole.sandbox.messages.MessagesModule;
import io.spineconsole.sandbox.paging.PageCursor;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/**
 * A sandbox fed from a Kafka topic instead of its own simulator (docs/KAFKA_FEED.md). Several instances on one
 * PostgreSQL share the topic as one consumer group ({@link FeedConsumer}: offsets stored with the rows), every
 * instance streams every event ({@link FeedStreamReader}), statistics are read from the store that all of them
 * write, and with {@code publish} this instance's traffic simulator sends its messages to the topic
 * ({@link FeedPublisher}). A sandbox without a feed has {@link #none}, which reports only the quarantine.
 */
public final class KafkaFeed implements AutoCloseable {
    private final FeedSettings settings;
    private final FeedStore store;
    private final FeedConsumer consumer;
    private final FeedStreamReader streamReader;
    private final FeedPublisher publisher;
    private final Thread consumerThread;
    private final Thread streamThread;
    private final MessagesModule messages;

    private KafkaFeed(FeedSettings settings, FeedStore store, FeedConsumer consumer, FeedStreamReader streamReader,
                      FeedPublisher publisher, MessagesModule messages) {
        this.messages = messages;
        this.settings = settings;
        this.store = store;
        this.consumer = consumer;
        this.streamReader = streamReader;
        this.publisher = publisher;
        this.consumerThread = consumer == null ? null : daemon(consumer, "kafka-feed-consumer");
        this.streamThread = streamReader == null ? null : daemon(streamReader, "kafka-feed-stream");
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** No feed: the simulator writes the store; only the (empty) quarantine is reported. */
    public static KafkaFeed none(SandboxContext context) {
        return new KafkaFeed(null, new FeedStore(context.sql(), context.isPostgres()), null, null, null, null);
    }

    /** Starts consuming (and, if asked, publishing the simulator's traffic to) the topic. */
    public static KafkaFeed start(FeedSettings settings, SandboxContext context, MessagesModule messages) {
        String instance = UUID.randomUUID().toString().substring(0, 8);
        FeedStore store = new FeedStore(context.sql(), context.isPostgres());
        messages.feed().shareStore();
        // The simulator, whenever it runs here (--kafka-publish, or an admin's PUT /sandbox/traffic), publishes to
        // the topic: a fed sandbox has no second way into its store.
        FeedPublisher publisher = new FeedPublisher(settings);
        messages.feed().sendTrafficTo(publisher::publish);
        KafkaFeed feed = new KafkaFeed(settings, store,
                new FeedConsumer(settings, messages.feed(), store, context.clock(), instance),
                new FeedStreamReader(settings, messages.feed(), instance), publisher, messages);
        feed.streamThread.start();
        feed.consumerThread.start();
        LoggerFactory.getLogger(KafkaFeed.class).info("Kafka feed: consuming {} as group {}{}", settings.topic(),
                settings.group(), settings.publish() ? "; this instance's traffic simulator publishes to it" : "");
        return feed;
    }

    /** What this instance's feed is doing, and the group's quarantine count. */
    public FeedStatus status() {
        long total = store.quarantinedTotal();
        if (settings == null) {
            return FeedStatus.none(total);
        }
        String state = consumerThread.isAlive() ? "running" : "stopped";
        return new FeedStatus(true, settings.topic(), settings.group(), messages.traffic().isRunning(), state,
                consumer.partitions(), consumer.lag(), consumer.read.get(), consumer.stored.get(),
                consumer.quarantined.get(), total, Math.round(consumer.storedPerSecond() * 10) / 10.0,
                consumer.lastBatchAt());
    }

    /** Message events this instance's simulator has published to the topic. */
    public long published() {
        return publisher == null ? 0 : publisher.published();
    }

    /** Records set aside, newest first. */
    public Page<QuarantinedRecord> quarantined(PageCursor cursor, int limit) {
        return store.quarantined(cursor, limit);
    }

    /** Ends this instance's share of the group as a crash would (tests): the batch under way is rolled back. */
    void kill() {
        if (consumer != null) {
            consumer.kill();
            streamReader.stop();
            join();
            publisher.close();
        }
    }

    /** Stops consuming (leaving the group, so that the others take its partitions over at once) and publishing. */
    @Override
    public void close() {
        if (consumer != null) {
            consumer.stop();
            streamReader.stop();
            join();
            publisher.close();
        }
    }

    private void join() {
        try {
            consumerThread.join(30_000);
            streamThread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
