package io.spineconsole.domain.sds;

import io.spineconsole.domain.registrations.AccreditedSystem;
import io.spineconsole.domain.registrations.RecordType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Drift between our accredited systems and the accredited systems (Devices) SDS publishes, matched
 * by ASID. Compared: organisation, party key, manufacturing organisation and interactions. Used as
 * {@link EndpointDrift} is: {@link #ours}, then {@link #published} as records arrive, then
 * {@link #finish()}.
 */
public final class SystemDrift extends DriftEngine<AccreditedSystem, SdsDevice, SystemDrift.Ours> {
    private final Map<String, Ours> byAsid = new HashMap<>();

    static final class Ours extends DriftEngine.Entry {
        final String partyKey;
        final String manufacturer;

        Ours(SystemDrift drift, AccreditedSystem s) {
            super(s.asid(), drift.intern(s.odsCode()), drift.intern(s.interactions()));
            this.partyKey = s.partyKey();
            this.manufacturer = drift.intern(s.manufacturerOdsCode());
        }

        @Override
        String key() {
            return ourId;
        }
    }

    public SystemDrift(DriftScope scope, Consumer<DriftRow> rows) {
        super(RecordType.ACCREDITED_SYSTEM, scope, rows);
    }

    /** Compares two whole collections and collects the rows. */
    public static DriftReport compare(DriftScope scope, Iterable<AccreditedSystem> ours, Iterable<SdsDevice> published) {
        List<DriftRow> rows = new ArrayList<>();
        SystemDrift drift = new SystemDrift(scope, rows::add);
        ours.forEach(drift::ours);
        published.forEach(drift::published);
        return new DriftReport(drift.finish(), rows);
    }

    @Override
    Ours entry(AccreditedSystem ours) {
        return new Ours(this, ours);
    }

    @Override
    boolean oursInScope(DriftScope scope, AccreditedSystem ours) {
        return scope.covers(ours.odsCode(), ours.partyKey(), ours.interactions());
    }

    @Override
    boolean publishedInScope(DriftScope scope, SdsDevice published) {
        return scope.covers(published.odsCode(), published.partyKey(), published.interactions());
    }

    @Override
    void index(Ours e) {
        if (e.ourId != null) {
            byAsid.putIfAbsent(e.ourId.trim(), e);
        }
    }

    @Override
    Ours find(SdsDevice published) {
        return published.asid() == null ? null : byAsid.get(published.asid().trim());
    }

    @Override
    String sdsId(SdsDevice published) {
        return published.id();
    }

    @Override
    List<String> interactions(SdsDevice published) {
        return published.interactions();
    }

    @Override
    void compare(Ours e, SdsDevice p, boolean firstPart) {
        if (!SdsValues.sameCode(e.odsCode, p.odsCode())) {
            e.differ(DriftField.ODS_CODE, e.odsCode, p.odsCode());
        }
        if (!SdsValues.sameCode(e.partyKey, p.partyKey())) {
            e.differ(DriftField.PARTY_KEY, e.partyKey, p.partyKey());
        }
        if (!SdsValues.sameCode(e.manufacturer, p.manufacturerOdsCode())) {
            e.differ(DriftField.MANUFACTURER, e.manufacturer, p.manufacturerOdsCode());
        }
    }

    @Override
    DriftRow missingHere(SdsDevice p) {
        return new DriftRow(RecordType.ACCREDITED_SYSTEM, DriftStatus.MISSING_HERE, p.asid(), p.odsCode(), null, p.id(),
                List.of());
    }
}
