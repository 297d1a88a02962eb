package io.spineconsole.sandbox;

import io.spineconsole.domain.messages.MessageFlowSummary;
import io.spineconsole.domain.migration.MigrationSummary;
import io.spineconsole.domain.registrations.RegistrationSummary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The headline counts each workspace opens with. */
public final class SummaryStore {
    private static final String FAILED = "('nacked', 'transmission-failed', 'dead-lettered', 'expired')";
    private final Sql sql;
    private final Clock clock;

    public SummaryStore(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    public RegistrationSummary registrations() {
        Instant now = clock.instant();
        return new RegistrationSummary(
                sql.count("SELECT COUNT(*) FROM organisation"),
                sql.count("SELECT COUNT(*) FROM accredited_system"),
                sql.count("SELECT COUNT(*) FROM mhs_endpoint"),
                // As the expiring list counts them (its window ends on the hour), so the tile and the list agree.
                sql.count("SELECT COUNT(*) FROM mhs_endpoint WHERE status <> 'retired' AND cert_not_after < ?",
                        now.plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.HOURS)),
                sql.count("SELECT COUNT(*) FROM mhs_endpoint WHERE status <> 'retired' AND cert_not_after < ?", now));
    }

    public MessageFlowSummary messages() {
        Instant hourAgo = clock.instant().minus(Duration.ofHours(1));
        return new MessageFlowSummary(
                sql.count("SELECT COUNT(*) FROM message WHERE created_at >= ?", hourAgo),
                sql.count("SELECT COUNT(*) FROM message WHERE created_at >= ? AND status IN " + FAILED, hourAgo),
                sql.count("SELECT COUNT(*) FROM message WHERE status IN ('received', 'routed', 'retrying')"),
                sql.count("SELECT COUNT(*) FROM message WHERE status = 'dead-lettered' AND "
                        + io.spineconsole.sandbox.messages.DeadLetterDiscards.NOT_DISCARDED));
    }

    public MigrationSummary migration() {
        return new MigrationSummary(
                sql.count("SELECT COUNT(*) FROM component"),
                sql.count("SELECT COUNT(DISTINCT h.component_code) FROM component_hosting h "
                        + "JOIN site s ON s.code = h.site_code WHERE s.kind = 'data-centre'"),
                sql.count("SELECT COUNT(*) FROM component WHERE state = 'cut-over'"),
                sql.count("SELECT COUNT(*) FROM component WHERE state = 'decommissioned'"),
                sql.count("SELECT COUNT(*) FROM component WHERE state = 'blocked'"),
                sql.count("SELECT COUNT(*) FROM site"),
                sql.count("SELECT COUNT(*) FROM site WHERE kind = 'data-centre' AND status <> 'decommissioned'"));
    }
}
