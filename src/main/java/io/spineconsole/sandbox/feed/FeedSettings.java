package io.spineconsole.sandbox.feed;

import java.util.Map;

/**
 * A sandbox fed from a Kafka topic ({@code sandbox --kafka <bootstrap> --topic <name>}): the brokers, the topic, the
 * consumer group every instance of one store shares, whether this instance starts its traffic simulator at start
 * ({@code --kafka-publish}; in a fed sandbox it always publishes to the topic), and client settings passed on as
 * they are (tests shorten time-outs with them).
 */
public record FeedSettings(String bootstrap, String topic, String group, boolean publish, Map<String, String> client) {
    /** The consumer group instances of one store share unless told otherwise. */
    public static final String DEFAULT_GROUP = "spine-sandbox";

    public FeedSettings {
        if (bootstrap == null || bootstrap.isBlank()) {
            throw new IllegalArgumentException("--kafka needs the brokers to start from, e.g. localhost:9092.");
        }
        if (topic == null || !topic.matches("[A-Za-z0-9._-]{1,249}")) {
            throw new IllegalArgumentException("--topic must be a Kafka topic name: 1 to 249 letters, digits, '.', "
                    + "'_' or '-'.");
        }
        if (group == null || group.isBlank() || group.length() > 200) {
            throw new IllegalArgumentException("--kafka-group must be 1 to 200 characters.");
        }
        client = Map.copyOf(client);
    }

    public FeedSettings(String bootstrap, String topic, String group, boolean publish) {
        this(bootstrap, topic, group, publish, Map.of());
    }
}
