package io.spineconsole.sandbox.messages;

import io.spineconsole.sandbox.Sql;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Recent message history for a freshly seeded store: {@code count} messages over the last 24
 * hours (a third of them in the last hour, so the dashboards have something to show), made by the
 * same delivery model as live traffic, with their timelines and roll-ups.
 */
final class MessageSeed {
    private final TrafficSimulator simulator;
    private final MessageIngest ingest;
    private final Random random = new Random(20_261_125L);

    MessageSeed(TrafficSimulator simulator, MessageIngest ingest) {
        this.simulator = simulator;
        this.ingest = ingest;
    }

    void seed(Sql sql, int count, Instant now) {
        TrafficDirectory directory = TrafficDirectory.load(sql);
        DeliveryModel model = simulator.model();
        List<MessageRow> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long ageSeconds = i % 3 == 0 ? random.nextInt(3_600) : random.nextInt(86_400);
            MessageRow row = model.newMessage(directory, now.minusSeconds(ageSeconds).minusMillis(random.nextInt(1000)));
            if (row == null) {
                return;
            }
            model.deliver(row, directory.target(row.endpointId), now);
            batch.add(row);
            if (batch.size() == 1_000) {
                ingest.insert(batch);
                batch = new ArrayList<>();
            }
        }
        ingest.insert(batch);
    }
}
