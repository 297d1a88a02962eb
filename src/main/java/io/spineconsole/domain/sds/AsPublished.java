package io.spineconsole.domain.sds;

import io.spineconsole.domain.registrations.AccreditedSystem;
import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.domain.registrations.Reliability;

/**
 * Another environment's registrations written as SDS would publish them, so that the drift comparison
 * ({@link EndpointDrift}, {@link SystemDrift}) compares two environments by the same keys and the same rules as it
 * compares ours with SDS: "missing in SDS" then reads "missing in the second environment", "missing here" "missing
 * in the first". The published record's id is the other environment's own (endpoint UUID, ASID), never matched
 * against ours: records are the same by CPA ID, party key and address, or ASID.
 */
public final class AsPublished {
    private AsPublished() {
    }

    public static SdsEndpoint endpoint(MhsEndpoint e) {
        Reliability r = e.reliability();
        SdsReliability reliability = r == null ? null : new SdsReliability(SdsValues.spelling(r.syncReplyMode()),
                r.retryInterval(), r.retries() == null ? null : r.retries().toString(), r.persistDuration(),
                SdsValues.spelling(r.duplicateElimination()), SdsValues.spelling(r.ackRequested()),
                SdsValues.spelling(e.mhsActor()));
        if (reliability == null && e.mhsActor() != null) {
            reliability = new SdsReliability(null, null, null, null, null, null, SdsValues.spelling(e.mhsActor()));
        }
        return new SdsEndpoint(e.id() == null ? null : e.id().toString(), e.status() == null ? null : e.status().code(),
                null, e.url(), e.odsCode(), e.fqdn(), e.partyKey(), e.cpaId(), null, e.interactions(), reliability);
    }

    public static SdsDevice system(AccreditedSystem s) {
        return new SdsDevice(s.asid(), s.asid(), s.partyKey(), s.odsCode(), null, s.manufacturerOdsCode(),
                s.interactions());
    }
}
