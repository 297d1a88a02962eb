package io.spineconsole.sandbox.registrations.transfer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spineconsole.domain.registrations.AccreditedSystem;
import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.domain.registrations.RegistrationStatus;
import io.spineconsole.domain.registrations.Reliability;
import io.spineconsole.domain.sds.SdsValues;

import static io.spineconsole.api.wire.sds.SdsFhir.ASID;
import static io.spineconsole.api.wire.sds.SdsFhir.CPA_ID;
import static io.spineconsole.api.wire.sds.SdsFhir.EXT_INTERACTION;
import static io.spineconsole.api.wire.sds.SdsFhir.EXT_MANUFACTURER;
import static io.spineconsole.api.wire.sds.SdsFhir.EXT_RELIABILITY;
import static io.spineconsole.api.wire.sds.SdsFhir.FQDN;
import static io.spineconsole.api.wire.sds.SdsFhir.INTERACTION;
import static io.spineconsole.api.wire.sds.SdsFhir.ODS;
import static io.spineconsole.api.wire.sds.SdsFhir.PARTY_KEY;

/**
 * Our accredited systems and endpoints written as SDS FHIR {@code Device} and {@code Endpoint} resources, with
 * the identifier systems and extensions SDS uses ({@link io.spineconsole.api.wire.sds.SdsFhir} reads them back).
 */
final class SdsFhirWriter {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SdsFhirWriter() {
    }

    static ObjectNode device(AccreditedSystem s) {
        ObjectNode r = JSON.objectNode();
        r.put("resourceType", "Device");
        r.put("id", s.sdsId() != null ? s.sdsId() : s.asid());
        ArrayNode ids = r.putArray("identifier");
        ids.add(identifier(ASID, s.asid()));
        if (s.partyKey() != null) {
            ids.add(identifier(PARTY_KEY, s.partyKey()));
        }
        ArrayNode ext = JSON.arrayNode();
        if (s.manufacturerOdsCode() != null) {
            ext.add(reference(EXT_MANUFACTURER, ODS, s.manufacturerOdsCode()));
        }
        s.interactions().forEach(i -> ext.add(reference(EXT_INTERACTION, INTERACTION, i)));
        if (!ext.isEmpty()) {
            r.set("extension", ext);
        }
        r.set("owner", JSON.objectNode().set("identifier", identifier(ODS, s.odsCode())));
        return r;
    }

    static ObjectNode endpoint(MhsEndpoint e) {
        ObjectNode r = JSON.objectNode();
        r.put("resourceType", "Endpoint");
        r.put("id", e.sdsId() != null ? e.sdsId() : e.id().toString());
        r.put("status", e.status() == RegistrationStatus.ACTIVE ? "active" : "off");
        r.put("address", e.url());
        r.set("managingOrganization", JSON.objectNode().set("identifier", identifier(ODS, e.odsCode())));
        ArrayNode ids = r.putArray("identifier");
        ids.add(identifier(FQDN, e.fqdn()));
        ids.add(identifier(PARTY_KEY, e.partyKey()));
        ids.add(identifier(CPA_ID, e.cpaId()));
        ArrayNode ext = r.putArray("extension");
        if (e.reliability() != null || e.mhsActor() != null) {
            ObjectNode rel = ext.addObject();
            rel.put("url", EXT_RELIABILITY);
            ArrayNode parts = rel.putArray("extension");
            Reliability rc = e.reliability();
            if (rc != null) {
                parts.addObject().put("url", "nhsMHSRetries").put("valueInteger", rc.retries());
                parts.addObject().put("url", "nhsMHSRetryInterval").put("valueString", rc.retryInterval());
                parts.addObject().put("url", "nhsMHSPersistDuration").put("valueString", rc.persistDuration());
                parts.addObject().put("url", "nhsMHSAckRequested").put("valueString", rc.ackRequested().code());
                parts.addObject().put("url", "nhsMHSDuplicateElimination").put("valueString", rc.duplicateElimination().code());
                parts.addObject().put("url", "nhsMHSSyncReplyMode").put("valueString", SdsValues.spelling(rc.syncReplyMode()));
            }
            if (e.mhsActor() != null) {
                parts.addObject().put("url", "nhsMHSActor").put("valueString", SdsValues.spelling(e.mhsActor()));
            }
        }
        e.interactions().forEach(i -> ext.add(reference(EXT_INTERACTION, INTERACTION, i)));
        return r;
    }

    private static ObjectNode identifier(String system, String value) {
        return JSON.objectNode().put("system", system).put("value", value);
    }

    private static ObjectNode reference(String url, String system, String value) {
        ObjectNode ext = JSON.objectNode().put("url", url);
        ext.set("valueReference", JSON.objectNode().set("identifier", identifier(system, value)));
        return ext;
    }
}
