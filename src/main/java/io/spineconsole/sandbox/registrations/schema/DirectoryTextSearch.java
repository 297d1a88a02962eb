package io.spineconsole.sandbox.registrations.schema;

import io.spineconsole.sandbox.StoreJavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;

/**
 * Flyway V81: indexes for the registrations lists' free text ({@code q}), one per store, because the two
 * stores search text differently. Both get {@code mhs_endpoint.name_lower}, the lower-cased name the
 * endpoints' search compares.
 * <ul>
 * <li>PostgreSQL: trigram indexes ({@code pg_trgm}) over the columns each list's free text reads, so a
 * {@code LIKE '%…%'} finds its rows through the index instead of reading the table. A server where the
 * extension cannot be created (not installed, or the sandbox's user may not) keeps searching without
 * them, slower, and says so in the log.</li>
 * <li>H2: one narrow index holding every column the endpoints' free text and default sort read. H2 then
 * judges each endpoint from the index alone and reads a table row only for the page it returns
 * (the endpoint store); it cannot index a substring search any other way.</li>
 * </ul>
 */
public final class DirectoryTextSearch extends StoreJavaMigration {
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryTextSearch.class);
    /** The H2 index the endpoints' free text is read through (named in its queries). */
    public static final String H2_ENDPOINT_INDEX = "mhs_endpoint_text";

    /** PostgreSQL's indexes, one per list, over the columns (and expressions) its free text compares. */
    private static final List<String> TRIGRAM_INDEXES = List.of(
            "CREATE INDEX organisation_text ON organisation USING gin (ods_code gin_trgm_ops, LOWER(name) gin_trgm_ops)",
            "CREATE INDEX accredited_system_text ON accredited_system USING gin (CAST(asid AS VARCHAR(12)) gin_trgm_ops, "
                    + "ods_code gin_trgm_ops, party_key gin_trgm_ops, LOWER(name) gin_trgm_ops)",
            "CREATE INDEX mhs_endpoint_text ON mhs_endpoint USING gin (party_key gin_trgm_ops, ods_code gin_trgm_ops, "
                    + "fqdn gin_trgm_ops, name_lower gin_trgm_ops)");

    public DirectoryTextSearch() {
        super("81", "directory text search", 81_001);
    }

    @Override
    protected void migrate(Connection c, boolean postgres) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE mhs_endpoint ADD COLUMN name_lower VARCHAR(200) GENERATED ALWAYS AS (LOWER(name))"
                    + (postgres ? " STORED" : ""));
            if (!postgres) {
                s.execute("CREATE INDEX " + H2_ENDPOINT_INDEX + " ON mhs_endpoint (party_key, id, ods_code, fqdn, name_lower)");
            } else if (trigramsAvailable(c)) {
                for (String index : TRIGRAM_INDEXES) {
                    s.execute(index);
                }
            }
        }
    }

    /** Creates {@code pg_trgm} if it is not there; false (and nothing changed) when this server cannot. */
    private static boolean trigramsAvailable(Connection c) throws SQLException {
        Savepoint before = c.setSavepoint();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
            c.releaseSavepoint(before);
            return true;
        } catch (SQLException e) {
            c.rollback(before);
            LOG.warn("Free-text search of registrations runs without trigram indexes: the pg_trgm extension could "
                    + "not be created ({}). To add them: install PostgreSQL's contrib modules, then as a superuser run "
                    + "CREATE EXTENSION pg_trgm; {};", e.getMessage(), String.join("; ", TRIGRAM_INDEXES));
            return false;
        }
    }
}
