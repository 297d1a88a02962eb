package io.spineconsole.sandbox.registrations.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import io.spineconsole.api.wire.sds.SdsFhir;
import io.spineconsole.domain.registrations.FieldIssue;
import io.spineconsole.domain.registrations.MhsActor;
import io.spineconsole.domain.registrations.Reliability;
import io.spineconsole.domain.registrations.ReliabilityFlag;
import io.spineconsole.domain.registrations.SyncReplyMode;
import io.spineconsole.domain.sds.SdsDevice;
import io.spineconsole.domain.sds.SdsEndpoint;
import io.spineconsole.domain.sds.SdsReliability;
import io.spineconsole.domain.sds.SdsValues;

import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * An import entry's {@code Device} or {@code Endpoint} read by the one SDS FHIR reader ({@link SdsFhir}), then
 * judged as the importer must: what the reader passes over is a warning ({@code UNKNOWN_ELEMENT}), what a
 * record cannot be without (owner, ASID) and reliability settings that mean nothing are errors.
 */
final class SdsFhirEntries {
    private static final Set<String> DEVICE_ELEMENTS = Set.of("resourceType", "id", "meta", "identifier", "extension", "owner");
    private static final Set<String> ENDPOINT_ELEMENTS = Set.of("resourceType", "id", "meta", "status", "connectionType",
            "payloadType", "address", "managingOrganization", "identifier", "extension");
    private static final Set<String> DEVICE_IDENTIFIERS = Set.of(SdsFhir.ASID, SdsFhir.PARTY_KEY);
    private static final Set<String> DEVICE_EXTENSIONS = Set.of(SdsFhir.EXT_MANUFACTURER, SdsFhir.EXT_INTERACTION);
    private static final Set<String> ENDPOINT_IDENTIFIERS = Set.of(SdsFhir.FQDN, SdsFhir.PARTY_KEY, SdsFhir.CPA_ID,
            SdsFhir.MHS_ID);
    private static final Set<String> ENDPOINT_EXTENSIONS = Set.of(SdsFhir.EXT_INTERACTION, SdsFhir.EXT_RELIABILITY);
    private static final Set<String> RELIABILITY_PARTS = Set.of("nhsMHSRetries", "nhsMHSRetryInterval",
            "nhsMHSPersistDuration", "nhsMHSAckRequested", "nhsMHSDuplicateElimination", "nhsMHSSyncReplyMode",
            "nhsMHSActor");

    private SdsFhirEntries() {
    }

    /** What an Endpoint says, in our terms; {@code reliability} is null when absent. */
    record EndpointFields(String id, String url, String fqdn, String partyKey, String cpaId, String odsCode,
                          List<String> interactions, Reliability reliability, MhsActor mhsActor) {
    }

    static SdsDevice device(JsonNode r, List<FieldIssue> warnings, List<FieldIssue> errors) {
        unknown(r, DEVICE_ELEMENTS, DEVICE_IDENTIFIERS, DEVICE_EXTENSIONS, warnings);
        SdsDevice d = SdsFhir.device(r);
        if (d.odsCode() == null) {
            errors.add(new FieldIssue("/owner", "REQUIRED", "The Device has no owner ODS code."));
        }
        if (d.asid() == null) {
            errors.add(new FieldIssue("/identifier", "REQUIRED", "The Device has no " + SdsFhir.ASID + " identifier."));
        }
        return d;
    }

    static EndpointFields endpoint(JsonNode r, List<FieldIssue> warnings, List<FieldIssue> errors) {
        unknown(r, ENDPOINT_ELEMENTS, ENDPOINT_IDENTIFIERS, ENDPOINT_EXTENSIONS, warnings);
        JsonNode ext = r.path("extension");
        for (int i = 0; i < ext.size(); i++) {
            JsonNode parts = ext.get(i).path("extension");
            for (int j = 0; j < parts.size(); j++) {
                String url = parts.get(j).path("url").asText();
                if (SdsFhir.EXT_RELIABILITY.equals(ext.get(i).path("url").asText()) && !RELIABILITY_PARTS.contains(url)) {
                    warnings.add(unknown("/extension/" + i + "/extension/" + j, "reliability setting " + url));
                }
            }
        }
        SdsEndpoint e = SdsFhir.endpoint(r);
        if (e.odsCode() == null) {
            errors.add(new FieldIssue("/managingOrganization", "REQUIRED", "The Endpoint has no managing organisation."));
        }
        SdsReliability sds = e.reliability();
        Reliability reliability = null;
        MhsActor actor = null;
        if (sds != null) {
            String field = "/extension";
            actor = sds.actor() == null ? null : actor(sds.actor(), field, errors);
            if (sds.syncReplyMode() != null || sds.retryInterval() != null || sds.retries() != null
                    || sds.persistDuration() != null || sds.duplicateElimination() != null || sds.ackRequested() != null) {
                SyncReplyMode sync = sds.syncReplyMode() == null ? SyncReplyMode.NONE : syncReply(sds.syncReplyMode(), field, errors);
                reliability = new Reliability(retries(sds.retries(), field, errors), sds.retryInterval(),
                        sds.persistDuration(), flag(sds.ackRequested(), field, errors),
                        flag(sds.duplicateElimination(), field, errors), sync);
            }
        }
        return new EndpointFields(e.id(), e.address(), e.fqdn(), e.partyKey(), e.cpaId(), e.odsCode(), e.interactions(),
                reliability, actor);
    }

    private static void unknown(JsonNode r, Set<String> elements, Set<String> identifiers, Set<String> extensions,
                                List<FieldIssue> warnings) {
        for (Iterator<String> it = r.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!elements.contains(name)) {
                warnings.add(unknown("/" + name, "element " + name));
            }
        }
        JsonNode ids = r.path("identifier");
        for (int i = 0; i < ids.size(); i++) {
            String system = ids.get(i).path("system").asText();
            if (!identifiers.contains(system)) {
                warnings.add(unknown("/identifier/" + i, "identifier system " + system));
            }
        }
        JsonNode ext = r.path("extension");
        for (int i = 0; i < ext.size(); i++) {
            String url = ext.get(i).path("url").asText();
            if (!extensions.contains(url)) {
                warnings.add(unknown("/extension/" + i, "extension " + url));
            }
        }
    }

    private static FieldIssue unknown(String field, String what) {
        return new FieldIssue(field, "UNKNOWN_ELEMENT", "Ignored unknown " + what + ".");
    }

    private static Integer retries(String value, String field, List<FieldIssue> errors) {
        try {
            return value == null ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            errors.add(new FieldIssue(field, "WRONG_TYPE", "nhsMHSRetries must be a whole number, not " + value + "."));
            return null;
        }
    }

    private static ReliabilityFlag flag(String value, String field, List<FieldIssue> errors) {
        if (value == null) {
            return null;
        }
        for (ReliabilityFlag f : ReliabilityFlag.values()) {
            if (SdsValues.sameCode(SdsValues.spelling(f), value)) {
                return f;
            }
        }
        errors.add(new FieldIssue(field, "ENUM", "Expected always or never, not " + value + "."));
        return null;
    }

    private static SyncReplyMode syncReply(String value, String field, List<FieldIssue> errors) {
        for (SyncReplyMode m : SyncReplyMode.values()) {
            if (SdsValues.sameCode(SdsValues.spelling(m), value) || m.code().equalsIgnoreCase(value)) {
                return m;
            }
        }
        errors.add(new FieldIssue(field, "ENUM", "Expected None, MSHSignalsOnly or SignalsAndResponse, not " + value + "."));
        return null;
    }

    private static MhsActor actor(String value, String field, List<FieldIssue> errors) {
        for (MhsActor a : MhsActor.values()) {
            if (SdsValues.spelling(a).equals(value) || a.code().equals(value)) {
                return a;
            }
        }
        errors.add(new FieldIssue(field, "ENUM", "Unknown ebXML actor " + value + "."));
        return null;
    }
}
