package io.spineconsole.sandbox.messages;

import io.spineconsole.sandbox.Sql;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
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
    /** Registrations known to be stored, as kind|party|ods: most batches register nothing new. */
    private final Set<String> known = ConcurrentHashMap.newKeySet();
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

    /**
     * Registers the rows' parties not yet known, before the rows are written (in a short transaction of
     * its own, one writer at a time: concurrent batches registering the same party made H2 refuse one).
     * A party registered for rows that then fail to commit costs a search one empty range, nothing more.
     */
    synchronized void register(List<MessageRow> rows) {
        if (!loaded) {
            for (String k : sql.list("SELECT kind, party, ods_code FROM message_party",
                    r -> r.getString(1) + "|" + r.getString(2) + "|" + r.getString(3))) {
                known.add(k);
            }
            loaded = true;
        }
        Set<String> fresh = new TreeSet<>(); // one order for every writer
        for (MessageRow r : rows) {
            candidate(fresh, ASID, r.fromAsid, r.fromOds);
            candidate(fresh, ASID, r.toAsid, r.toOds);
            candidate(fresh, PARTY_KEY, r.fromPartyKey, r.fromOds);
            candidate(fresh, PARTY_KEY, r.toPartyKey, r.toOds);
            candidate(fresh, ENDPOINT, r.endpointId == null ? null : r.endpointId.toString(), r.toOds);
        }
        if (fresh.isEmpty()) {
            return;
        }
        String insert = postgres
                ? "INSERT INTO message_party (kind, party, ods_code) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"
                : "MERGE INTO message_party (kind, party, ods_code) KEY (kind, party, ods_code) VALUES (?, ?, ?)";
        sql.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                for (String k : fresh) {
                    String[] p = k.split("\\|", 3);
                    Sql.bind(ps, p[0], p[1], p[2]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
        known.addAll(fresh);
    }

    private void candidate(Set<String> fresh, String kind, String party, String ods) {
        if (party == null || ods == null) {
            return;
        }
        String k = kind + "|" + party + "|" + ods;
        if (!known.contains(k)) {
            fresh.add(k);
        }
    }

}
