package io.spineconsole.sds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spineconsole.domain.messages.MessagingPattern;
import io.spineconsole.domain.registrations.RegistrationStatus;
import io.spineconsole.domain.registrations.MhsActor;
import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.domain.registrations.Reliability;
import io.spineconsole.domain.registrations.ReliabilityFlag;
import io.spineconsole.domain.registrations.SyncReplyMode;
import io.spineconsole.domain.sds.SdsDevice;
import io.spineconsole.domain.sds.SdsEndpoint;
import io.spineconsole.domain.sds.SdsReliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A national directory as SDS would publish it, made up deterministically from a seed and nothing
 * stored: endpoint {@code i} and device {@code d} are computed when asked for, so the stand-in
 * serves 20,000 organisations, 100,000 endpoints and 40,000 accredited systems in no memory. Each
 * organisation ({@code A00000}, {@code B00001}, ...) has {@code endpointsPerOrganisation} MHS
 * records under two party keys and one accredited system per party key; interactions come from
 * the real MHS catalogue. The Spine itself ({@code YES}) publishes one MHS record per interaction
 * under party key {@code YES-0000806}, as the published example shows.
 *
 * <p>{@link #registered(int)} is the same endpoint as a registry here holds it, with a
 * deterministic share of drift (missing here, moved, FQDN, retries, interactions, and untidy
 * spelling that means the same), so drift at national scale has known answers.
 */
public final class NationalSdsData {
    public static final String SPINE_ODS = "YES";
    public static final String SPINE_PARTY_KEY = "YES-0000806";
    private static final String TO_PARTY = "urn:oasis:names:tc:ebxml-msg:actor:toPartyMSH";
    private static final String[] MANUFACTURERS = {"YGA", "YGM", "X26", "YGJ"};
    private final int organisations;
    private final int endpointsPerOrganisation;
    private final long seed;
    private final List<String> interactions = new ArrayList<>();
    private final List<Boolean> reliable = new ArrayList<>();

    /** The kinds of drift {@link #registered(int)} applies, one per thousand endpoints each. */
    public enum Drift { NONE, MISSING_HERE, ADDRESS, FQDN, RETRIES, INTERACTIONS, SPELLING }

    public NationalSdsData(int organisations, int endpointsPerOrganisation, long seed) {
        this.organisations = organisations;
        this.endpointsPerOrganisation = endpointsPerOrganisation;
        this.seed = seed;
        try (InputStream in = NationalSdsData.class.getClassLoader().getResourceAsStream("fixtures/mhs-interactions.json")) {
            JsonNode catalogue = new ObjectMapper().readTree(in);
            catalogue.fields().forEachRemaining(f -> {
                interactions.add(f.getValue().path("service").asText() + ":" + f.getKey());
                reliable.add(f.getValue().path("workflow").asText().toLowerCase(Locale.ROOT).contains("reliable"));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 20,000 organisations, 100,000 endpoints, 40,000 accredited systems. */
    public static NationalSdsData national() {
        return new NationalSdsData(20_000, 5, 14L);
    }

    public int organisations() {
        return organisations;
    }

    public int endpoints() {
        return organisations * endpointsPerOrganisation;
    }

    public int devices() {
        return organisations * 2;
    }

    public List<String> catalogue() {
        return List.copyOf(interactions);
    }

    public String odsCode(int org) {
        return (char) ('A' + org % 26) + pad(org, 5);
    }

    /** The organisation an ODS code names, or -1 when it is not one of the generated ones. */
    public int organisation(String ods) {
        if (ods == null || ods.length() != 6) {
            return -1;
        }
        try {
            int org = Integer.parseInt(ods.substring(1));
            return org < organisations && odsCode(org).equals(ods.toUpperCase(Locale.ROOT)) ? org : -1;
        } catch (NumberFormatException notOurs) {
            return -1;
        }
    }

    public String partyKey(int org, int k) {
        return odsCode(org) + "-" + pad(800_001 + k, 7);
    }

    /** The organisation a party key belongs to, or -1. */
    public int organisationOfPartyKey(String partyKey) {
        int dash = partyKey == null ? -1 : partyKey.indexOf('-');
        return dash < 0 ? -1 : organisation(partyKey.substring(0, dash));
    }

    public SdsEndpoint endpoint(int i) {
        int org = i / endpointsPerOrganisation;
        int j = i % endpointsPerOrganisation;
        String ods = odsCode(org);
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + i);
        Set<String> picked = new LinkedHashSet<>();
        boolean isReliable = false;
        int count = 1 + r.nextInt(3);
        while (picked.size() < count) {
            int n = r.nextInt(interactions.size());
            if (picked.add(interactions.get(n))) {
                isReliable |= reliable.get(n);
            }
        }
        String fqdn = "mhs" + j + "." + ods.toLowerCase(Locale.ROOT) + ".thirdparty.nhs.uk";
        String address = "https://" + fqdn + (isReliable ? "/reliablemessaging/reliablerequest" : "/sync-service");
        SdsReliability reliability = isReliable
                ? new SdsReliability("MSHSignalsOnly", "PT" + (1 + r.nextInt(5)) + "M", String.valueOf(2 + r.nextInt(3)),
                "PT" + (5 + r.nextInt(55)) + "M", "always", "always", TO_PARTY)
                : new SdsReliability("None", null, null, null, "never", "never", TO_PARTY);
        String cpa = "S" + pad(org, 5) + "A" + pad(i, 6);
        return new SdsEndpoint(uuid("endpoint", i), "active", "hl7-fhir-msg", address, ods, fqdn, partyKey(org, j % 2),
                cpa, cpa, List.copyOf(picked), reliability);
    }

    public SdsDevice device(int d) {
        int org = d / 2;
        int k = d % 2;
        Set<String> all = new LinkedHashSet<>();
        for (SdsEndpoint e : endpointsOf(org)) {
            if (e.partyKey().equals(partyKey(org, k))) {
                all.addAll(e.interactions());
            }
        }
        return new SdsDevice(uuid("device", d), String.valueOf(918_000_000_000L + d), partyKey(org, k), odsCode(org),
                "Practice " + odsCode(org), MANUFACTURERS[org % MANUFACTURERS.length], List.copyOf(all));
    }

    public List<SdsEndpoint> endpointsOf(int org) {
        List<SdsEndpoint> out = new ArrayList<>(endpointsPerOrganisation);
        for (int j = 0; j < endpointsPerOrganisation; j++) {
            out.add(endpoint(org * endpointsPerOrganisation + j));
        }
        return out;
    }

    public List<SdsDevice> devicesOf(int org) {
        return List.of(device(org * 2), device(org * 2 + 1));
    }

    /** The Spine's own MHS records: one per interaction of the catalogue, but the one the published example shows. */
    public List<SdsEndpoint> spineEndpoints() {
        List<SdsEndpoint> out = new ArrayList<>();
        for (int n = 0; n < interactions.size(); n++) {
            if (interactions.get(n).endsWith(":REPC_IN150016UK05")) {
                continue;
            }
            String cpa = "S20001A" + pad(1000 + n, 6);
            SdsReliability rel = reliable.get(n)
                    ? new SdsReliability("MSHSignalsOnly", "PT1M", "2", "PT5M", "always", "always", TO_PARTY)
                    : new SdsReliability("None", null, null, null, "never", "never", TO_PARTY);
            out.add(new SdsEndpoint(uuid("spine", n), "active", "hl7-fhir-msg",
                    "https://msg.int.spine2.ncrs.nhs.uk/reliablemessaging/" + (reliable.get(n) ? "reliablerequest" : "queryrequest"),
                    SPINE_ODS, "msg.int.spine2.ncrs.nhs.uk", SPINE_PARTY_KEY, cpa, cpa, List.of(interactions.get(n)), rel));
        }
        return out;
    }

    /** Every endpoint, in order, made as it is read. */
    public Iterator<SdsEndpoint> allEndpoints() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < endpoints();
            }

            @Override
            public SdsEndpoint next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return endpoint(next++);
            }
        };
    }

    /** Which drift {@link #registered(int)} applies to endpoint {@code i}. */
    public Drift drift(int i) {
        long h = Math.floorMod((i + 1) * 2_654_435_761L ^ seed, 1000L);
        int kind = (int) (h / 10);
        return kind < Drift.values().length - 1 ? Drift.values()[kind + 1] : Drift.NONE;
    }

    /** Endpoint {@code i} as a registry here holds it (with its drift applied), or null when it is missing here. */
    public MhsEndpoint registered(int i) {
        SdsEndpoint p = endpoint(i);
        Drift drift = drift(i);
        if (drift == Drift.MISSING_HERE) {
            return null;
        }
        SdsReliability r = p.reliability();
        boolean isReliable = r.retries() != null;
        Reliability ours = isReliable ? new Reliability(Integer.parseInt(r.retries()), r.retryInterval(), r.persistDuration(),
                ReliabilityFlag.ALWAYS, ReliabilityFlag.ALWAYS, SyncReplyMode.MSH_SIGNALS_ONLY) : null;
        String url = p.address();
        String fqdn = p.fqdn();
        List<String> ints = p.interactions();
        switch (drift) {
            case ADDRESS -> url = url + "/v2";
            case FQDN -> fqdn = "old-" + fqdn;
            case RETRIES -> ours = isReliable ? new Reliability(ours.retries() + 1, ours.retryInterval(), ours.persistDuration(),
                    ours.ackRequested(), ours.duplicateElimination(), ours.syncReplyMode())
                    : new Reliability(3, "PT1M", "PT5M", ReliabilityFlag.ALWAYS, ReliabilityFlag.ALWAYS, SyncReplyMode.MSH_SIGNALS_ONLY);
            case INTERACTIONS -> {
                List<String> more = new ArrayList<>(ints);
                int n = (i * 7) % interactions.size();
                while (more.contains(interactions.get(n))) {
                    n = (n + 1) % interactions.size();
                }
                more.add(interactions.get(n));
                ints = more;
            }
            case SPELLING -> {
                url = url.replace("https://" + fqdn, "HTTPS://" + fqdn.toUpperCase(Locale.ROOT) + ".:443");
                fqdn = fqdn.toUpperCase(Locale.ROOT) + ".";
            }
            default -> {
            }
        }
        return new MhsEndpoint(UUID.nameUUIDFromBytes(("ours:" + i).getBytes(StandardCharsets.UTF_8)), "Endpoint " + i,
                p.odsCode(), p.partyKey(), url, fqdn, p.cpaId(), ints,
                isReliable ? MessagingPattern.ASYNC_RELIABLE : MessagingPattern.SYNC, ours,
                isReliable ? MhsActor.TO_PARTY_MSH : null, null, null, RegistrationStatus.ACTIVE, null, 1,
                Instant.EPOCH, "seed", Instant.EPOCH, "seed");
    }

    /** An endpoint registered here that SDS does not publish (one per thousand), or null. */
    public MhsEndpoint onlyHere(int i) {
        if (i % 1000 != 500) {
            return null;
        }
        SdsEndpoint p = endpoint(i);
        return new MhsEndpoint(UUID.nameUUIDFromBytes(("only-here:" + i).getBytes(StandardCharsets.UTF_8)), "New " + i,
                p.odsCode(), p.partyKey(), "https://new" + i + ".example.nhs.uk/sync-service", "new" + i + ".example.nhs.uk",
                "SNEW" + i, p.interactions(), MessagingPattern.SYNC, null, null, null, null, RegistrationStatus.ACTIVE, null, 1,
                Instant.EPOCH, "seed", Instant.EPOCH, "seed");
    }

    private static String pad(long n, int width) {
        String digits = Long.toString(n);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    private String uuid(String kind, long n) {
        return UUID.nameUUIDFromBytes((seed + ":" + kind + ":" + n).getBytes(StandardCharsets.UTF_8)).toString()
                .toUpperCase(Locale.ROOT);
    }
}
