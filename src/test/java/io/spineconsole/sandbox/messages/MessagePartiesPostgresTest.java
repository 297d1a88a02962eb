package io.spineconsole.sandbox.messages;

import java.time.Clock;

class MessagePartiesPostgresTest extends MessagePartiesContract {
    @Override
    MessageTestStore open(Clock clock) {
        return MessageTestStore.postgres(clock);
    }
}
