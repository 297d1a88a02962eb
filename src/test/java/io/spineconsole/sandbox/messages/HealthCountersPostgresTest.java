package io.spineconsole.sandbox.messages;

import java.time.Clock;

class HealthCountersPostgresTest extends HealthCountersContract {
    @Override
    MessageTestStore open(Clock clock) {
        return MessageTestStore.postgres(clock);
    }
}
