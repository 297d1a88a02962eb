package io.spineconsole.domain.sds;

import io.spineconsole.domain.registrations.MhsActor;
import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.domain.registrations.RecordType;
import io.spineconsole.domain.registrations.Reliability;
import io.spineconsole.domain.registrations.ReliabilityFlag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Drift between our MHS endpoints and the endpoints SDS publishes. A published endpoint is the
 * same record as one of ours when, in this order, SDS's record id is the one ours carries, or the
 * CPA IDs are the same, or the party key and address are the same (SDS publishes an MHS record per
 * interaction: several such records make one of ours). Compared: organisation, party key, address,
 * FQDN, CPA ID, interactions and every reliability setting, each by {@link SdsValues}'s rules.
 *
 * <p>Use: {@link #ours} for each of our endpoints, then {@link #published} for each SDS record as
 * it arrives (a page, an extract read as a stream), then {@link #finish()}. Rows go to the consumer
 * given: missing-here rows as they are found, the rest at the end.
 */
public final class EndpointDrift extends DriftEngine<MhsEndpoint, SdsEndpoint, EndpointDrift.Ours> {
    private static final String NEVER = SdsValues.spelling(ReliabilityFlag.NEVER);
    private static final String TO_PARTY = SdsValues.spelling(MhsActor.TO_PARTY_MSH);
    private final Map<String, Ours> bySdsId = new HashMap<>();
    private final Map<String, Ours> byCpaId = new HashMap<>();
    private final Map<String, Ours> byAddress = new HashMap<>();

    static final class Ours extends DriftEngine.Entry {
        final String ourSdsId;
        final String partyKey;
        final String address;
        final String fqdn;
        final String cpaId;
        final String syncReplyMode;
        final String retries;
        final String retryInterval;
        final String persistDuration;
        final String ackRequested;
        final String duplicateElimination;
        final String actor;
        boolean cpaPublished;
        String firstPublishedCpa;

        Ours(EndpointDrift drift, MhsEndpoint e) {
            super(e.id() == null ? null : e.id().toString(), drift.intern(e.odsCode()), drift.intern(e.interactions()));
            this.ourSdsId = e.sdsId();
            this.partyKey = e.partyKey();
            this.address = e.url();
            this.fqdn = e.fqdn();
            this.cpaId = e.cpaId();
            Reliability r = e.reliability();
            this.syncReplyMode = drift.intern(SdsValues.spelling(r == null ? null : r.syncReplyMode()));
            this.retries = r == null || r.retries() == null ? null : drift.intern(r.retries().toString());
            this.retryInterval = drift.intern(r == null ? null : r.retryInterval());
            this.persistDuration = drift.intern(r == null ? null : r.persistDuration());
            this.ackRequested = drift.intern(SdsValues.spelling(r == null ? null : r.ackRequested()));
            this.duplicateElimination = drift.intern(SdsValues.spelling(r == null ? null : r.duplicateElimination()));
            this.actor = drift.intern(SdsValues.spelling(e.mhsActor()));
        }

        @Override
        String key() {
            return EndpointDrift.key(partyKey, address);
        }
    }

    public EndpointDrift(DriftScope scope, Consumer<DriftRow> rows) {
        super(RecordType.ENDPOINT, scope, rows);
    }

    /** Compares two whole collections and collects the rows. */
    public static DriftReport compare(DriftScope scope, Iterable<MhsEndpoint> ours, Iterable<SdsEndpoint> published) {
        List<DriftRow> rows = new ArrayList<>();
        EndpointDrift drift = new EndpointDrift(scope, rows::add);
        ours.forEach(drift::ours);
        published.forEach(drift::published);
        return new DriftReport(drift.finish(), rows);
    }

    @Override
    Ours entry(MhsEndpoint ours) {
        return new Ours(this, ours);
    }

    @Override
    boolean oursInScope(DriftScope scope, MhsEndpoint ours) {
        return scope.covers(ours.odsCode(), ours.partyKey(), ours.interactions());
    }

    @Override
    boolean publishedInScope(DriftScope scope, SdsEndpoint published) {
        return scope.covers(published.odsCode(), published.partyKey(), published.interactions());
    }

    @Override
    void index(Ours e) {
        // The first of ours to claim a key keeps it.
        String sdsId = upper(e.ourSdsId);
        if (sdsId != null) {
            bySdsId.putIfAbsent(sdsId, e);
        }
        if (upper(e.cpaId) != null) {
            byCpaId.putIfAbsent(upper(e.cpaId), e);
        }
        byAddress.putIfAbsent(addressKey(e.partyKey, e.address), e);
    }

    @Override
    Ours find(SdsEndpoint p) {
        Ours e = p.id() == null ? null : bySdsId.get(upper(p.id()));
        if (e == null && upper(p.cpaId()) != null) {
            e = byCpaId.get(upper(p.cpaId()));
        }
        if (e == null) {
            e = byAddress.get(addressKey(p.partyKey(), p.address()));
        }
        return e;
    }

    @Override
    String sdsId(SdsEndpoint published) {
        return published.id();
    }

    @Override
    List<String> interactions(SdsEndpoint published) {
        return published.interactions();
    }

    @Override
    void compare(Ours e, SdsEndpoint p, boolean firstPart) {
        if (!SdsValues.sameCode(e.odsCode, p.odsCode())) {
            e.differ(DriftField.ODS_CODE, e.odsCode, p.odsCode());
        }
        if (!SdsValues.sameCode(e.partyKey, p.partyKey())) {
            e.differ(DriftField.PARTY_KEY, e.partyKey, p.partyKey());
        }
        if (!SdsValues.sameAddress(e.address, p.address())) {
            e.differ(DriftField.ADDRESS, e.address, p.address());
        }
        if (!SdsValues.sameHost(e.fqdn, p.fqdn())) {
            e.differ(DriftField.FQDN, e.fqdn, p.fqdn());
        }
        if (firstPart) {
            e.firstPublishedCpa = p.cpaId();
        }
        if (e.cpaId != null && SdsValues.sameCode(e.cpaId, p.cpaId())) {
            e.cpaPublished = true;
        }
        SdsReliability r = p.reliability() == null ? new SdsReliability(null, null, null, null, null, null, null)
                : p.reliability();
        // An unset sync reply mode is None, on either side.
        String ourSync = e.syncReplyMode == null ? "None" : e.syncReplyMode;
        String theirSync = r.syncReplyMode() == null ? "None" : r.syncReplyMode();
        if (!SdsValues.sameCode(ourSync, theirSync)) {
            e.differ(DriftField.SYNC_REPLY_MODE, e.syncReplyMode, r.syncReplyMode());
        }
        if (!SdsValues.sameNumber(e.retries, r.retries())) {
            e.differ(DriftField.RETRIES, e.retries, r.retries());
        }
        if (!SdsValues.sameDuration(e.retryInterval, r.retryInterval())) {
            e.differ(DriftField.RETRY_INTERVAL, e.retryInterval, r.retryInterval());
        }
        if (!SdsValues.sameDuration(e.persistDuration, r.persistDuration())) {
            e.differ(DriftField.PERSIST_DURATION, e.persistDuration, r.persistDuration());
        }
        // Unset flags mean "never" (no acknowledgement, no elimination), an unset actor the receiving MHS (ebXML's default).
        if (!SdsValues.sameCode(orElse(e.ackRequested, NEVER), orElse(r.ackRequested(), NEVER))) {
            e.differ(DriftField.ACK_REQUESTED, e.ackRequested, r.ackRequested());
        }
        if (!SdsValues.sameCode(orElse(e.duplicateElimination, NEVER), orElse(r.duplicateElimination(), NEVER))) {
            e.differ(DriftField.DUPLICATE_ELIMINATION, e.duplicateElimination, r.duplicateElimination());
        }
        if (!SdsValues.sameCode(orElse(e.actor, TO_PARTY), orElse(r.actor(), TO_PARTY))) {
            e.differ(DriftField.MHS_ACTOR, e.actor, r.actor());
        }
    }

    @Override
    void settle(Ours e) {
        // A CPA ID is one MHS record's: it agrees when any part SDS published for ours carries it.
        if (e.cpaId == null ? e.firstPublishedCpa != null : !e.cpaPublished) {
            e.differ(DriftField.CPA_ID, e.cpaId, e.firstPublishedCpa);
        }
    }

    @Override
    DriftRow missingHere(SdsEndpoint p) {
        return new DriftRow(RecordType.ENDPOINT, DriftStatus.MISSING_HERE, key(p.partyKey(), p.address()), p.odsCode(),
                null, p.id(), List.of());
    }

    private static String orElse(String value, String otherwise) {
        return SdsValues.blankToNull(value) == null ? otherwise : value;
    }

    static String key(String partyKey, String address) {
        return (partyKey == null ? "" : partyKey) + " " + (address == null ? "" : address);
    }

    private static String addressKey(String partyKey, String address) {
        return (partyKey == null ? "" : partyKey.trim().toUpperCase(Locale.ROOT)) + "|"
                + (address == null ? "" : SdsValues.normaliseAddress(address));
    }

    private static String upper(String value) {
        String v = SdsValues.blankToNull(value);
        return v == null ? null : v.toUpperCase(Locale.ROOT);
    }
}
