package io.spineconsole.ui.messages;

import io.spineconsole.api.Page;
import io.spineconsole.domain.messages.MessageParty;
import io.spineconsole.domain.messages.MessageSummary;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Shares the values message rows repeat — interactions, sites, parties, endpoints, error texts, latencies —
 * so that a search scrolled through 100,000 rows (or a live tail of 10,000) holds each of them once, not
 * once a row (a row read from JSON has its own copy of every string). Bounded: past {@link #MAX_VALUES}
 * distinct values it starts a new pool rather than grow. Safe to call from the HTTP threads pages arrive on.
 */
final class RowInterner {
    static final int MAX_VALUES = 100_000;
    private final ConcurrentHashMap<Object, Object> pool = new ConcurrentHashMap<>();

    Page<MessageSummary> intern(Page<MessageSummary> page) {
        return new Page<>(page.items().stream().map(this::intern).toList(), page.nextCursor(), page.approximateTotal(),
                page.totalIsExact());
    }

    MessageSummary intern(MessageSummary m) {
        return new MessageSummary(m.messageId(), m.conversationId(), share(m.interaction()), m.messagingPattern(),
                party(m.from()), party(m.to()), share(m.endpointId()), share(m.site()), m.status(), m.attempts(),
                m.sizeBytes(), m.receivedAt(), m.updatedAt(), share(m.latencyMs()), share(m.lastErrorCode()),
                share(m.lastErrorDescription()), m.redeliveryOf());
    }

    private MessageParty party(MessageParty p) {
        if (p == null) {
            return null;
        }
        return share(new MessageParty(share(p.odsCode()), share(p.asid()), share(p.partyKey()), share(p.name())));
    }

    @SuppressWarnings("unchecked")
    <T> T share(T value) {
        if (value == null) {
            return null;
        }
        if (pool.size() >= MAX_VALUES) {
            // Full: start again (rows keep what they share; new rows share among themselves).
            pool.clear();
        }
        Object earlier = pool.putIfAbsent(value, value);
        return earlier == null ? value : (T) earlier;
    }

    int size() {
        return pool.size();
    }

    void clear() {
        pool.clear();
    }
}
