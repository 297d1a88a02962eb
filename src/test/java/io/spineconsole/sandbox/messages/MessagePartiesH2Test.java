package io.spineconsole.sandbox.messages;

import java.time.Clock;

class MessagePartiesH2Test extends MessagePartiesContract {
    @Override
    MessageTestStore open(Clock clock) {
        return MessageTestStore.h2(clock);
    }
}
