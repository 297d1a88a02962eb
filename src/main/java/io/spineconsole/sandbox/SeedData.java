package io.spineconsole.sandbox;

import io.spineconsole.domain.Coded;
import io.spineconsole.domain.migration.ComponentState;
import io.spineconsole.domain.messages.MessagingPattern;
import io.spineconsole.domain.registrations.RegistrationStatus;
import io.spineconsole.domain.migration.SiteKind;
import io.spineconsole.sandbox.InteractionCatalogue.Interaction;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Fills an empty sandbox store with a directory, a migration programme and recent message flow
 * that look real: NHS code formats, real trust names, the MHS interaction catalogue, certificates
 * of which some expire soon, and a few deliberate mistakes for the registration checks to find.
 * The same seed and scale always give the same data.
 */
public final class SeedData {
    /** How much to seed (messages are seeded by the message-flow module). The desktop default is small; scale tests ask for the national size. */
    public record Scale(int organisations, int messages, int endpoints) {
        /** About one or two endpoints per accredited system. */
        public Scale(int organisations, int messages) {
            this(organisations, messages, 0);
        }

        /** The national directory: 20,000 organisations and 100,000 endpoints. */
        public static Scale national(int messages) {
            return new Scale(20_000, messages, 100_000);
        }

        public static Scale desktop() {
            return new Scale(300, 20_000);
        }
    }

    private static final String[][] TRUSTS = {
            {"RR8", "Leeds Teaching Hospitals NHS Trust"},
            {"RTH", "Oxford University Hospitals NHS Foundation Trust"},
            {"RJ1", "Guy's and St Thomas' NHS Foundation Trust"},
            {"RRK", "University Hospitals Birmingham NHS Foundation Trust"},
            {"R0A", "Manchester University NHS Foundation Trust"},
            {"RX1", "Nottingham University Hospitals NHS Trust"},
            {"RGT", "Cambridge University Hospitals NHS Foundation Trust"},
            {"RTD", "The Newcastle upon Tyne Hospitals NHS Foundation Trust"},
            {"RHQ", "Sheffield Teaching Hospitals NHS Foundation Trust"},
            {"RA7", "University Hospitals Bristol and Weston NHS Foundation Trust"},
            {"RYJ", "Imperial College Healthcare NHS Trust"},
            {"RAL", "Royal Free London NHS Foundation Trust"},
            {"RBS", "Alder Hey Children's NHS Foundation Trust"},
            {"RHM", "University Hospital Southampton NHS Foundation Trust"},
            {"RWE", "University Hospitals of Leicester NHS Trust"},
            {"RK9", "University Hospitals Plymouth NHS Trust"},
            {"RM1", "Norfolk and Norwich University Hospitals NHS Foundation Trust"},
            {"RTR", "South Tees Hospitals NHS Foundation Trust"},
            {"RWA", "Hull University Teaching Hospitals NHS Trust"},
            {"RXN", "Lancashire Teaching Hospitals NHS Foundation Trust"},
    };
    private static final String[] TOWNS = {"Ashby", "Beeston", "Calder", "Dunmore", "Eastleigh", "Fairfield",
            "Grange", "Hadley", "Ilford", "Kingsway", "Longridge", "Marston", "Northgate", "Oakwood", "Parkside",
            "Queensway", "Riverside", "Southfields", "Thornbury", "Upton", "Victoria", "Westgate", "Yardley"};
    private static final String[] PRACTICE_KINDS = {"Surgery", "Medical Centre", "Health Centre", "Medical Practice",
            "Family Practice"};
    private static final String[] SUPPLIERS = {"EMIS Web", "SystmOne", "Vision", "Cerner Millennium", "Epic",
            "Lorenzo", "Medway PAS", "Oceano"};

    private static final String[][] SITES = {
            {"DC-NORTH", "Data centre North", "data-centre", "draining"},
            {"DC-SOUTH", "Data centre South", "data-centre", "active"},
            {"CLOUD-LDN-1", "Cloud region London, zone 1", "cloud-region", "active"},
            {"CLOUD-LDN-2", "Cloud region London, zone 2", "cloud-region", "active"},
    };
    /** code, name, state, wave, owner, hosted at (comma-separated), depends on (comma-separated). */
    private static final String[][] COMPONENTS = {
            {"SDS", "Spine Directory Service", "cut-over", "1", "Directory services team", "CLOUD-LDN-1,CLOUD-LDN-2", ""},
            {"PDS", "Personal Demographics Service", "parallel-run", "1", "Demographics team", "DC-SOUTH,CLOUD-LDN-1", "SDS"},
            {"CIS", "Care Identity Service", "decommissioned", "1", "Identity team", "CLOUD-LDN-1,CLOUD-LDN-2", ""},
            {"CORE-MSG", "Core messaging (transaction and messaging service)", "migrating", "2", "Messaging team", "DC-NORTH,DC-SOUTH", "SDS"},
            {"SSP", "Spine Secure Proxy", "cut-over", "2", "Messaging team", "CLOUD-LDN-2", "SDS,CIS"},
            {"MESH", "Message Exchange for Social Care and Health", "preparing", "2", "MESH team", "DC-NORTH", "SDS"},
            {"EPS", "Electronic Prescription Service", "planned", "3", "Prescriptions team", "DC-SOUTH", "PDS,SDS,CORE-MSG"},
            {"SCR", "Summary Care Record", "blocked", "3", "Care records team", "DC-NORTH", "PDS,CORE-MSG"},
            {"ERS", "e-Referral Service", "planned", "3", "Referrals team", "DC-SOUTH", "PDS,SDS"},
            {"NRL", "National Record Locator", "cut-over", "2", "Care records team", "CLOUD-LDN-1", "PDS"},
            {"CPIS", "Child Protection Information Sharing", "planned", "4", "Safeguarding team", "DC-NORTH", "PDS,SSP"},
            {"LRS", "Legitimate Relationships Service", "migrating", "3", "Identity team", "DC-SOUTH,CLOUD-LDN-2", "CIS,PDS"},
    };

    private final Random random = new Random(20_261_125L);
    private final InteractionCatalogue catalogue;
    private final Clock clock;

    public SeedData(InteractionCatalogue catalogue, Clock clock) {
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** More seeding, for an area that seeds its own records, in the same transaction. */
    @FunctionalInterface
    public interface Step {
        void seed(Connection c, Instant now) throws SQLException;
    }

    /**
     * Seeds the store unless it already holds organisations, then runs {@code more} (each area's own
     * seeding) in the same transaction. Returns true when it seeded.
     */
    public boolean seedIfEmpty(Sql sql, Scale scale, Step... more) {
        if (sql.count("SELECT COUNT(*) FROM organisation") > 0) {
            return false;
        }
        sql.inTransaction(c -> {
            Instant now = clock.instant();
            List<Org> orgs = organisations(scale.organisations());
            insertOrganisations(c, orgs, now);
            systemsAndEndpoints(c, orgs, now, scale.endpoints());
            migration(c, now);
            for (Step step : more) {
                step.seed(c, now);
            }
            return null;
        });
        return true;
    }

    private record Org(String ods, String name, String type, String parent) {
    }

    private record Endpoint(String asid, String ods, String partyKey, Interaction interaction) {
    }

    private List<Org> organisations(int count) {
        List<Org> orgs = new ArrayList<>();
        orgs.add(new Org("YES", "NHS England Spine core", "national-service", null));
        orgs.add(new Org("X26", "NHS England", "national-service", null));
        for (String[] t : TRUSTS) {
            if (orgs.size() >= count) {
                break;
            }
            orgs.add(new Org(t[0], t[1], "trust", null));
            orgs.add(new Org(t[0] + "01", t[1].replaceAll(" NHS.*", "") + " main site", "trust-site", t[0]));
        }
        int practice = 81_001;
        while (orgs.size() < count) {
            char region = (char) ('A' + random.nextInt(26));
            String ods = region + String.format(Locale.ROOT, "%05d", practice++);
            String name = TOWNS[random.nextInt(TOWNS.length)] + " " + PRACTICE_KINDS[random.nextInt(PRACTICE_KINDS.length)];
            orgs.add(new Org(ods, name, "gp-practice", null));
        }
        return orgs.subList(0, Math.min(count, orgs.size()));
    }

    private void insertOrganisations(Connection c, List<Org> orgs, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO organisation (ods_code, name, org_type, "
                + "parent_ods, status, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?)")) {
            for (Org o : orgs) {
                Sql.bind(ps, o.ods(), o.name(), o.type(), o.parent(), registrationStatus().code(), now, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private RegistrationStatus registrationStatus() {
        int roll = random.nextInt(100);
        if (roll < 88) {
            return RegistrationStatus.ACTIVE;
        }
        return roll < 92 ? RegistrationStatus.REQUESTED : roll < 95 ? RegistrationStatus.APPROVED
                : roll < 98 ? RegistrationStatus.SUSPENDED : RegistrationStatus.RETIRED;
    }

    private List<Endpoint> systemsAndEndpoints(Connection c, List<Org> orgs, Instant now, int endpointTarget)
            throws SQLException {
        List<Endpoint> endpoints = new ArrayList<>();
        long asidSeq = 200_000_000_100L;
        long endpointId = 0;
        String systemSql = "INSERT INTO accredited_system (asid, ods_code, name, product, party_key, status, version, "
                + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)";
        // Endpoint ids are given here, not generated, so that the rows go in JDBC batches (national scale seeds
        // 100,000 of them); the identity is moved past them at the end.
        String endpointSql = "INSERT INTO mhs_endpoint (id, endpoint_uuid, party_key, asid, ods_code, url, fqdn, cpa_id, "
                + "messaging_pattern, retries, retry_interval, persist_duration, ack_requested, "
                + "duplicate_elimination, sync_reply_mode, mhs_actor, cert_subject, cert_issuer, cert_serial, cert_not_before, "
                + "cert_not_after, cert_expiry_key, status, version, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)";
        try (PreparedStatement sys = c.prepareStatement(systemSql);
             PreparedStatement ep = c.prepareStatement(endpointSql);
             PreparedStatement si = c.prepareStatement(
                     "INSERT INTO system_interaction (asid, position, interaction_id) VALUES (?, ?, ?)");
             PreparedStatement ei = c.prepareStatement(
                     "INSERT INTO endpoint_interaction (endpoint_id, interaction_id, position) VALUES (?, ?, ?)")) {
            int partySeq = 806;
            int systemsQueued = 0;
            for (int o = 0; o < orgs.size(); o++) {
                Org org = orgs.get(o);
                int systems = org.type().equals("gp-practice") ? 1 : 1 + random.nextInt(3);
                // With a target (scale tests), every organisation gets its share; otherwise 1-2 per system.
                int orgEndpoints = endpointTarget <= 0 ? -1
                        : endpointTarget / orgs.size() + (o < endpointTarget % orgs.size() ? 1 : 0);
                for (int s = 0; s < systems; s++) {
                    String asid = Long.toString(asidSeq);
                    asidSeq += 1 + random.nextInt(900);
                    String product = SUPPLIERS[random.nextInt(SUPPLIERS.length)];
                    int perSystem = orgEndpoints < 0 ? 1 + random.nextInt(2)
                            : orgEndpoints / systems + (s < orgEndpoints % systems ? 1 : 0);
                    String systemPartyKey = null;
                    List<String> systemInteractions = new ArrayList<>();
                    for (int e = 0; e < perSystem; e++) {
                        MessagingPattern pattern = MessagingPattern.values()[random.nextInt(4) + (random.nextInt(20) == 0 ? 1 : 0)];
                        List<Interaction> choices = catalogue.withPattern(pattern);
                        if (choices.isEmpty()) {
                            continue;
                        }
                        // About one in a hundred party keys carries another organisation's prefix:
                        // a real-world mistake the registration checks should find.
                        String prefix = random.nextInt(100) == 0 ? "YES" : org.ods();
                        String partyKey = prefix + "-" + String.format(Locale.ROOT, "%07d", partySeq++);
                        systemPartyKey = systemPartyKey == null ? partyKey : systemPartyKey;
                        String host = "msg." + org.ods().toLowerCase(Locale.ROOT) + ".nhs.uk";
                        String fqdn = random.nextInt(100) == 0 ? "mhs." + org.ods().toLowerCase(Locale.ROOT) + ".nhs.uk" : host;
                        String url = "https://" + host + "/reliablemessaging/" + pattern.code() + "/" + partyKey.toLowerCase(Locale.ROOT);
                        boolean reliable = pattern.isReliable();
                        Instant notBefore = now.minus(Duration.ofDays(200 + random.nextInt(200)));
                        Instant notAfter = now.plus(Duration.ofDays(random.nextInt(20) == 0
                                ? -random.nextInt(10) : 3 + random.nextInt(400)));
                        endpointId++;
                        Sql.bind(ep, endpointId, UUID.nameUUIDFromBytes(("endpoint-" + endpointId).getBytes()), partyKey, asid,
                                org.ods(), url, fqdn, "S" + asid.substring(6) + "A" + e,
                                pattern.code(), reliable ? 2 + random.nextInt(2) : null, reliable ? "PT2H" : null,
                                reliable ? "PT7H" : null, reliable, reliable, reliable ? "msh-signals-only" : null,
                                pattern == MessagingPattern.FORWARD_RELIABLE ? "next-msh" : reliable ? "to-party-msh" : null,
                                "CN=" + host + ", OU=" + org.ods() + ", O=NHS", "CN=NHS Level 1C, O=NHS, C=GB",
                                Long.toHexString(random.nextLong()).toUpperCase(Locale.ROOT),
                                notBefore, notAfter, notAfter, registrationStatus().code(), now, now);
                        ep.addBatch();
                        int n = Math.min(choices.size(), 1 + random.nextInt(4));
                        int start = random.nextInt(choices.size());
                        for (int k = 0; k < n; k++) {
                            Interaction interaction = choices.get((start + k) % choices.size());
                            Sql.bind(ei, endpointId, interaction.id(), k);
                            ei.addBatch();
                            if (!systemInteractions.contains(interaction.id())) {
                                systemInteractions.add(interaction.id());
                            }
                            endpoints.add(new Endpoint(asid, org.ods(), partyKey, interaction));
                        }
                    }
                    Sql.bind(sys, asid, org.ods(), org.name() + " – " + product, product, systemPartyKey,
                            registrationStatus().code(), now, now);
                    sys.addBatch();
                    for (int k = 0; k < systemInteractions.size(); k++) {
                        Sql.bind(si, asid, k, systemInteractions.get(k));
                        si.addBatch();
                    }
                    if (++systemsQueued % 500 == 0) {
                        flush(sys, ep, si, ei);
                    }
                }
            }
            flush(sys, ep, si, ei);
        }
        Sql.update(c, "ALTER TABLE mhs_endpoint ALTER COLUMN id RESTART WITH " + (endpointId + 1));
        return endpoints;
    }

    /** Parents before children: systems, then their endpoints, then the interaction lists. */
    private static void flush(PreparedStatement... batches) throws SQLException {
        for (PreparedStatement batch : batches) {
            batch.executeBatch();
        }
    }

    private void migration(Connection c, Instant now) throws SQLException {
        for (String[] s : SITES) {
            Coded.fromCode(SiteKind.class, s[2]); // fails fast on a mistyped seed constant
            Sql.update(c, "INSERT INTO site (code, name, kind, status, version, created_at, updated_at) "
                    + "VALUES (?, ?, ?, ?, 1, ?, ?)", s[0], s[1], s[2], s[3], now, now);
        }
        for (String[] comp : COMPONENTS) {
            Coded.fromCode(ComponentState.class, comp[2]);
            Sql.update(c, "INSERT INTO component (code, name, state, wave, owner, version, created_at, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?, 1, ?, ?)", comp[0], comp[1], comp[2], Integer.parseInt(comp[3]), comp[4], now, now);
            for (String site : comp[5].split(",")) {
                Sql.update(c, "INSERT INTO component_hosting (component_code, site_code) VALUES (?, ?)", comp[0], site);
            }
        }
        for (String[] comp : COMPONENTS) {
            for (String dep : comp[6].split(",")) {
                if (!dep.isEmpty()) {
                    Sql.update(c, "INSERT INTO component_dependency (component_code, depends_on) VALUES (?, ?)", comp[0], dep);
                }
            }
        }
    }
}
