package io.spineconsole.sandbox.messages;

import java.time.Clock;

class HealthCountersH2Test extends HealthCountersContract {
    @Override
    MessageTestStore open(Clock clock) {
        return MessageTestStore.h2(clock);
    }
}
