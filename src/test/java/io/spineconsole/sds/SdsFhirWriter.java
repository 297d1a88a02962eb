package io.spineconsole.sds;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spineconsole.api.wire.sds.SdsFhir;
import io.spineconsole.domain.sds.SdsDevice;
import io.spineconsole.domain.sds.SdsEndpoint;
import io.spineconsole.domain.sds.SdsReliability;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/**
 * Writes SDS records as the SDS FHIR API does (the shapes of the published examples): for the
 * stand-in's answers and for pre-built extracts.
 */
public final class SdsFhirWriter {
    static final ObjectMapper JSON = new ObjectMapper();

    private SdsFhirWriter() {
    }

    public static ObjectNode device(SdsDevice d) {
        ObjectNode r = JSON.createObjectNode().put("resourceType", "Device").put("id", d.id());
        ArrayNode ids = r.putArray("identifier");
        identifier(ids, SdsFhir.ASID, d.asid());
        identifier(ids, SdsFhir.PARTY_KEY, d.partyKey());
        ArrayNode ext = r.putArray("extension");
        if (d.manufacturerOdsCode() != null) {
            reference(ext, SdsFhir.EXT_MANUFACTURER, SdsFhir.ODS, d.manufacturerOdsCode());
        }
        d.interactions().forEach(i -> reference(ext, SdsFhir.EXT_INTERACTION, SdsFhir.INTERACTION, i));
        ObjectNode owner = r.putObject("owner");
        owner.putObject("identifier").put("system", SdsFhir.ODS).put("value", d.odsCode());
        if (d.ownerName() != null) {
            owner.put("display", d.ownerName());
        }
        return r;
    }

    public static ObjectNode endpoint(SdsEndpoint e) {
        ObjectNode r = JSON.createObjectNode().put("resourceType", "Endpoint").put("id", e.id())
                .put("status", e.status() == null ? "active" : e.status());
        r.putObject("connectionType").put("system", "http://terminology.hl7.org/CodeSystem/endpoint-connection-type")
                .put("code", e.connectionType() == null ? "hl7-fhir-msg" : e.connectionType()).put("display", "HL7 FHIR Messaging");
        r.putArray("payloadType").addObject().putArray("coding").addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/endpoint-payload-type").put("code", "any")
                .put("display", "Any");
        r.put("address", e.address());
        r.putObject("managingOrganization").putObject("identifier").put("system", SdsFhir.ODS).put("value", e.odsCode());
        ArrayNode ids = r.putArray("identifier");
        identifier(ids, SdsFhir.FQDN, e.fqdn());
        identifier(ids, SdsFhir.PARTY_KEY, e.partyKey());
        identifier(ids, SdsFhir.CPA_ID, e.cpaId());
        identifier(ids, SdsFhir.MHS_ID, e.mhsId());
        ArrayNode ext = r.putArray("extension");
        SdsReliability rel = e.reliability();
        if (rel != null) {
            ObjectNode c = ext.addObject().put("url", SdsFhir.EXT_RELIABILITY);
            ArrayNode parts = c.putArray("extension");
            part(parts, "nhsMHSSyncReplyMode", rel.syncReplyMode());
            part(parts, "nhsMHSRetryInterval", rel.retryInterval());
            if (rel.retries() != null) {
                parts.addObject().put("url", "nhsMHSRetries").put("valueInteger", Integer.parseInt(rel.retries()));
            }
            part(parts, "nhsMHSPersistDuration", rel.persistDuration());
            part(parts, "nhsMHSDuplicateElimination", rel.duplicateElimination());
            part(parts, "nhsMHSAckRequested", rel.ackRequested());
            part(parts, "nhsMHSActor", rel.actor());
        }
        e.interactions().forEach(i -> reference(ext, SdsFhir.EXT_INTERACTION, SdsFhir.INTERACTION, i));
        return r;
    }

    /** A searchset Bundle of resources already written, with a self link and, when given, a next link. */
    public static ObjectNode bundle(String baseUrl, String selfUrl, String nextUrl, int total, List<ObjectNode> resources) {
        ObjectNode b = JSON.createObjectNode().put("resourceType", "Bundle").put("id", UUID.randomUUID().toString().toUpperCase())
                .put("type", "searchset").put("total", total);
        ArrayNode links = b.putArray("link");
        links.addObject().put("relation", "self").put("url", selfUrl);
        if (nextUrl != null) {
            links.addObject().put("relation", "next").put("url", nextUrl);
        }
        ArrayNode entries = b.putArray("entry");
        for (ObjectNode r : resources) {
            ObjectNode entry = entries.addObject();
            entry.put("fullUrl", baseUrl + "/" + r.path("resourceType").asText() + "/" + r.path("id").asText());
            entry.set("resource", r);
            entry.putObject("search").put("mode", "match");
        }
        return b;
    }

    /** Writes an extract: a searchset Bundle of endpoints, streamed, so one of any size takes the memory of one entry. */
    public static void writeEndpointExtract(OutputStream out, String baseUrl, int total, Iterator<SdsEndpoint> endpoints)
            throws IOException {
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("resourceType", "Bundle");
            g.writeStringField("id", UUID.randomUUID().toString().toUpperCase());
            g.writeStringField("type", "searchset");
            g.writeNumberField("total", total);
            g.writeArrayFieldStart("entry");
            while (endpoints.hasNext()) {
                ObjectNode r = endpoint(endpoints.next());
                g.writeStartObject();
                g.writeStringField("fullUrl", baseUrl + "/Endpoint/" + r.path("id").asText());
                g.writeFieldName("resource");
                JSON.writeTree(g, r);
                g.writeObjectFieldStart("search");
                g.writeStringField("mode", "match");
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /** An OperationOutcome with one issue, as SDS reports errors. */
    public static ObjectNode operationOutcome(String code, String spineCode, String diagnostics) {
        ObjectNode oo = JSON.createObjectNode().put("resourceType", "OperationOutcome")
                .put("id", UUID.randomUUID().toString().toUpperCase());
        ObjectNode issue = oo.putArray("issue").addObject().put("severity", "error").put("code", code);
        issue.putObject("details").putArray("coding").addObject()
                .put("system", "https://fhir.nhs.uk/STU3/CodeSystem/Spine-ErrorOrWarningCode-1").put("code", spineCode)
                .put("display", spineCode.replace('_', ' ').toLowerCase());
        issue.put("diagnostics", diagnostics);
        return oo;
    }

    private static void identifier(ArrayNode ids, String system, String value) {
        if (value != null) {
            ids.addObject().put("system", system).put("value", value);
        }
    }

    private static void reference(ArrayNode ext, String url, String system, String value) {
        ext.addObject().put("url", url).putObject("valueReference").putObject("identifier").put("system", system)
                .put("value", value);
    }

    private static void part(ArrayNode parts, String url, String value) {
        if (value != null) {
            parts.addObject().put("url", url).put("valueString", value);
        }
    }
}
