package io.spineconsole.sandbox.registrations.checks;

import io.spineconsole.domain.registrations.Finding;
import io.spineconsole.domain.registrations.RecordRef;
import io.spineconsole.domain.registrations.RecordType;
import io.spineconsole.sandbox.registrations.checks.CheckedDirectory.Endpoint;
import io.spineconsole.sandbox.registrations.checks.CheckedDirectory.Org;
import io.spineconsole.sandbox.registrations.checks.CheckedDirectory.Sys;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names the records findings point at, for a person: an endpoint by its party key, and every record
 * by the organisation it belongs to, from what the run has read (no second read of the directory).
 */
final class FindingNames {
    private final CheckedDirectory d;
    private Map<String, Endpoint> endpointsByUuid;

    FindingNames(CheckedDirectory d) {
        this.d = d;
    }

    List<Finding> name(List<Finding> findings) {
        return findings.stream().map(f -> f.withRecords(name(f.record()),
                f.related() == null ? null : f.related().stream().map(this::name).toList())).toList();
    }

    RecordRef name(RecordRef ref) {
        if (ref == null || ref.type() == null || ref.id() == null) {
            return ref;
        }
        if (ref.type().equals(RecordType.ORGANISATION.code())) {
            return new RecordRef(ref.type(), ref.id(), null, orgName(ref.id()));
        }
        if (ref.type().equals(RecordType.ACCREDITED_SYSTEM.code())) {
            Sys s = d.systems.get(SqlText.charKey(ref.id()));
            return s == null ? ref : new RecordRef(ref.type(), ref.id(), null, orgName(s.ods()));
        }
        if (ref.type().equals(RecordType.ENDPOINT.code())) {
            Endpoint e = endpoints().get(ref.id().trim());
            return e == null ? ref : new RecordRef(ref.type(), ref.id(), e.partyKey(), orgName(e.ods()));
        }
        return ref;
    }

    private String orgName(String ods) {
        Org o = ods == null ? null : d.organisations.get(ods);
        return o == null ? null : o.name();
    }

    private Map<String, Endpoint> endpoints() {
        if (endpointsByUuid == null) {
            endpointsByUuid = new HashMap<>(d.endpoints.size() * 2);
            d.endpoints.values().forEach(e -> endpointsByUuid.put(e.uuid().trim(), e));
        }
        return endpointsByUuid;
    }
}
