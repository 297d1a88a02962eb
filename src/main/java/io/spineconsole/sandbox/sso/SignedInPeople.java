package io.spineconsole.sandbox.sso;

import io.spineconsole.domain.Role;
import io.spineconsole.sandbox.Sql;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The people who have called with a single sign-on token: each gets a server id the first time, so that
 * their rate limit, idempotency keys and jobs are their own. Who last called, with which name and role,
 * is written at most once a minute per person, not once a request.
 */
public final class SignedInPeople {
    private final Sql sql;
    private final Clock clock;
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    private record Seen(long id, String name, Role role, Instant writtenAt) {
    }

    public SignedInPeople(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /** The server's id for this person (positive), recording that they called. */
    public long idOf(String issuer, String subject, String displayName, Role role) {
        Instant now = clock.instant();
        String key = issuer + "\n" + subject;
        Seen known = seen.get(key);
        if (known != null && known.name().equals(displayName) && known.role() == role
                && known.writtenAt().isAfter(now.minusSeconds(60))) {
            return known.id();
        }
        var ids = sql.list("SELECT id FROM oidc_person WHERE issuer = ? AND subject = ?", r -> r.getLong(1),
                issuer, subject);
        long id;
        if (!ids.isEmpty()) {
            id = ids.get(0);
            sql.update("UPDATE oidc_person SET display_name = ?, role = ?, last_seen_at = ? WHERE id = ?",
                    displayName, role.code(), now, id);
        } else {
            try {
                sql.update("INSERT INTO oidc_person (issuer, subject, display_name, role, first_seen_at, last_seen_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", issuer, subject, displayName, role.code(), now, now);
            } catch (Sql.StoreException e) {
                if (!Sql.isDuplicateKey((SQLException) e.getCause())) {
                    throw e;
                }
                // the same person's first two requests at once: the other one recorded them
            }
            id = sql.one("SELECT id FROM oidc_person WHERE issuer = ? AND subject = ?", r -> r.getLong(1), issuer, subject)
                    .orElseThrow();
        }
        seen.put(key, new Seen(id, displayName, role, now));
        return id;
    }
}
