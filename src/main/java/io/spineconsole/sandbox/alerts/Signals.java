package io.spineconsole.sandbox.alerts;

import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.messages.AlertSignals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The figures of one evaluation round, each read once however many rules want it: the endpoints, their
 * flow over a window (by window), the backlog, dead letters since a time, organisation names, blocked
 * components, and messages sent by an organisation.
 */
final class Signals {
    /** A migration component in state {@code blocked}, and since when (its last change). */
    record Blocked(String code, String name, Instant since) {
    }

    private final Sql sql;
    private final AlertSignals messages;
    private final Instant now;
    private Map<UUID, AlertSignals.Endpoint> endpoints;
    private Map<UUID, AlertSignals.Waiting> backlog;
    private Map<String, String> names;
    private List<Blocked> blocked;
    private final Map<String, Map<UUID, AlertSignals.Flow>> flows = new HashMap<>();
    private final Map<Instant, Map<UUID, Long>> deadLetters = new HashMap<>();

    Signals(Sql sql, AlertSignals messages, Instant now) {
        this.sql = sql;
        this.messages = messages;
        this.now = now;
    }

    Instant now() {
        return now;
    }

    Map<UUID, AlertSignals.Endpoint> endpoints() {
        if (endpoints == null) {
            endpoints = messages.endpoints();
        }
        return endpoints;
    }

    Map<UUID, AlertSignals.Waiting> backlog() {
        if (backlog == null) {
            backlog = messages.backlog();
        }
        return backlog;
    }

    /**
     * Flow per endpoint over the {@code minutes} whole minutes that end {@code endsAgo} minutes before the
     * current one, the current minute (still filling) included when {@code endsAgo} is 0.
     */
    Map<UUID, AlertSignals.Flow> flow(int minutes, int endsAgo) {
        Instant to = now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1 - endsAgo));
        Instant from = to.minus(Duration.ofMinutes(minutes));
        return flows.computeIfAbsent(from + "/" + to, k -> messages.flow(from, to));
    }

    Map<UUID, Long> deadLetters(Instant since) {
        return deadLetters.computeIfAbsent(since, messages::deadLetters);
    }

    /** Messages an organisation sent in [{@code from}, {@code to}): one range of the sender index. */
    long sentBy(String ods, Instant from, Instant to) {
        return sql.count("SELECT COUNT(*) FROM message WHERE from_ods = ? AND created_at >= ? AND created_at < ?",
                ods, from, to);
    }

    String organisationName(String ods) {
        if (names == null) {
            Map<String, String> read = new HashMap<>();
            sql.list("SELECT ods_code, name FROM organisation", r -> read.put(r.getString(1), r.getString(2)));
            names = read;
        }
        return names.get(ods);
    }

    List<Blocked> blocked() {
        if (blocked == null) {
            blocked = sql.list("SELECT code, name, updated_at FROM component WHERE state = 'blocked' ORDER BY code",
                    r -> new Blocked(r.getString("code"), r.getString("name"), Sql.instant(r, "updated_at")));
        }
        return blocked;
    }
}
