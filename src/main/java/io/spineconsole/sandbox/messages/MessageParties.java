package io.spineconsole.sandbox.messages;

import io.spineconsole.sandbox.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.TreeSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which organisations an ASID, a party key or an endpoint has sent or received messages for
 * ({@code message_party}, written at ingest). It lets a search by ASID, party key or endpoint read
 * the two ODS indexes (the organisation's messages, a few ranges) instead of five more indexes of
 * its own on the message table, each taking every new row at a random place. It holds one row per
 * party and organisation, so it stays small, and it is exact: every stored message registered its
 * parties before it was written, whatever the directory says now.
 */
final class MessageParties {
    static final String ASID = "asid";
    static final String PARTY_KEY = "party";
    static final String ENDPOINT = "endpoint";

    private final Sql sql;
    private final boolean postgres;
    /** Registrations known to be stored: most batches register nothing new. */
    private final Set<Party> known = ConcurrentHashMap.newKeySet();
    private volatile boolean loaded;

    MessageParties(Sql sql, boolean postgres) {
        this.sql = sql;
        this.postgres = postgres;
    }

    /** The organisations {@code party} (of {@code kind}) appears with; empty when it never did. */
    List<String> odsOf(String kind, String party) {
        return sql.list("SELECT ods_code FROM message_party WHERE kind = ? AND party = ? ORDER BY ods_code",
                r -> r.getString(1), kind, party);
    }

    List<String> odsOfEndpoint(UUID endpoint) {
        return odsOf(ENDPOINT, endpoint.toString());
    }

    /** One registration: a party of a kind, with an organisation it appears with. */
    private record Party(String kind, String party, String ods) implements Comparable<Party> {
        private static final Comparator<Party> ORDER = Comparator.comparing(Party::kind)
                .thenComparing(Party::party).thenComparing(Party::ods);

        @Override
        public int compareTo(Party other) {
            return ORDER.compare(this, other);
        }
    }

    /**
     * Registers the rows' parties not yet known, before the rows are written (in a short transaction of
     * its own, one writer at a time: concurrent batches registering the same party made H2 refuse one).
     * A party registered for rows that then fail to commit costs a search one empty range, nothing more.
     * What is already known is sorted out before the lock, so writers wait for each other only when a batch has a
     * new party; a registration is a record of the rows' own strings, whose hashes they keep, not a new string.
     */
    void register(List<MessageRow> rows) {
        Set<Party> fresh = unknown(rows);
        if (fresh.isEmpty()) {
            return;
        }
        synchronized (this) {
            fresh.removeIf(known::contains); // another writer registered them meanwhile
            if (fresh.isEmpty()) {
                return;
            }
            sql.inTransaction(c -> {
                insert(c, fresh);
                return null;
            });
            known.addAll(fresh);
        }
    }

    /**
     * The rows' parties not yet known, for the caller to store in the rows' own transaction on PostgreSQL, where
     * {@code ON CONFLICT DO NOTHING} lets concurrent batches register the same party (the later one waits for the
     * earlier's commit; every writer inserts in one order, so two never wait for each other). That saves a
     * transaction, with its commit, and the writers' lock on every batch that meets a new party: with the
     * unregistered addresses the simulator sends to, nearly every batch of a national load. On H2 they are
     * registered at once, as {@link #register} does.
     */
    Registration registration(List<MessageRow> rows) {
        if (!postgres) {
            register(rows);
            return Registration.NONE;
        }
        Set<Party> fresh = unknown(rows);
        return fresh.isEmpty() ? Registration.NONE : new Registration(this, fresh);
    }

    /** Parties to store with the rows that name them; {@link #committed} once they are. */
    static final class Registration {
        static final Registration NONE = new Registration(null, Set.of());
        private final MessageParties parties;
        private final Set<Party> fresh;

        private Registration(MessageParties parties, Set<Party> fresh) {
            this.parties = parties;
            this.fresh = fresh;
        }

        /** In the rows' transaction. */
        void write(Connection c) throws SQLException {
            if (!fresh.isEmpty()) {
                parties.insert(c, fresh);
            }
        }

        void committed() {
            if (!fresh.isEmpty()) {
                parties.known.addAll(fresh);
            }
        }
    }

    private Set<Party> unknown(List<MessageRow> rows) {
        loadKnown();
        Set<Party> fresh = new TreeSet<>(); // one order for every writer
        for (MessageRow r : rows) {
            candidate(fresh, ASID, r.fromAsid, r.fromOds);
            candidate(fresh, ASID, r.toAsid, r.toOds);
            candidate(fresh, PARTY_KEY, r.fromPartyKey, r.fromOds);
            candidate(fresh, PARTY_KEY, r.toPartyKey, r.toOds);
            candidate(fresh, ENDPOINT, r.endpointKey(), r.toOds);
        }
        return fresh;
    }

    private void insert(Connection c, Set<Party> fresh) throws SQLException {
        String insert = postgres
                ? "INSERT INTO message_party (kind, party, ods_code) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"
                : "MERGE INTO message_party (kind, party, ods_code) KEY (kind, party, ods_code) VALUES (?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(insert)) {
            for (Party p : fresh) {
                Sql.bind(ps, p.kind(), p.party(), p.ods());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void loadKnown() {
        if (loaded) {
            return;
        }
        synchronized (this) {
            if (!loaded) {
                known.addAll(sql.list("SELECT kind, party, ods_code FROM message_party",
                        r -> new Party(r.getString(1), r.getString(2), r.getString(3))));
                loaded = true;
            }
        }
    }

    private void candidate(Set<Party> fresh, String kind, String party, String ods) {
        if (party == null || ods == null) {
            return;
        }
        Party p = new Party(kind, party, ods);
        if (!known.contains(p)) {
            fresh.add(p);
        }
    }
}
