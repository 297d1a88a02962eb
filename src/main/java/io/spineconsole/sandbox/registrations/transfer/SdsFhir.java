package io.spineconsole.sandbox.registrations.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spineconsole.domain.registrations.RegistrationStatus;
import io.spineconsole.domain.registrations.AccreditedSystem;
import io.spineconsole.domain.registrations.FieldIssue;
import io.spineconsole.domain.registrations.MhsActor;
import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.domain.registrations.Reliability;
import io.spineconsole.domain.registrations.ReliabilityFlag;
import io.spineconsole.domain.registrations.SyncReplyMode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SDS FHIR {@code Device} (accredited system) and {@code Endpoint} (MHS endpoint), both ways, with
 * the identifier systems and extensions SDS uses. Reading collects warnings for what it ignores.
 */
final class SdsFhir {
    static final String ID = "https://fhir.nhs.uk/Id/";
    static final String SD = "https://fhir.nhs.uk/StructureDefinition/";
    static final String ASID = ID + "nhsSpineASID";
    static final String PARTY_KEY = ID + "nhsMhsPartyKey";
    static final String ODS = ID + "ods-organization-code";
    static final String INTERACTION = ID + "nhsServiceInteractionId";
    static final String FQDN = ID + "nhsMhsFQDN";
    static final String CPA_ID = ID + "nhsMhsCPAId";
    static final String MHS_ID = ID + "nhsMHSId";
    static final String EXT_MANUFACTURER = SD + "Extension-SDS-ManufacturingOrganisation";
    static final String EXT_INTERACTION = SD + "Extension-SDS-NhsServiceInteractionId";
    static final String EXT_RELIABILITY = SD + "Extension-SDS-ReliabilityConfiguration";
    private static final Map<MhsActor, String> ACTORS = Map.of(
            MhsActor.TO_PARTY_MSH, "urn:oasis:names:tc:ebxml-msg:actor:toPartyMSH",
            MhsActor.NEXT_MSH, "urn:oasis:names:tc:ebxml-msg:actor:nextMSH");
    private static final Map<SyncReplyMode, String> SYNC_REPLY = Map.of(
            SyncReplyMode.NONE, "None", SyncReplyMode.MSH_SIGNALS_ONLY, "MSHSignalsOnly",
            SyncReplyMode.SIGNALS_AND_RESPONSE, "SignalsAndResponse");
    private static final Set<String> DEVICE_ELEMENTS = Set.of("resourceType", "id", "meta", "identifier", "extension", "owner");
    private static final Set<String> ENDPOINT_ELEMENTS = Set.of("resourceType", "id", "meta", "status", "connectionType",
            "payloadType", "address", "managingOrganization", "identifier", "extension");

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SdsFhir() {
    }

    /** What a Device says, before any rule is applied. */
    record DeviceFields(String id, String asid, String partyKey, String odsCode, String manufacturerOdsCode,
                        List<String> interactions) {
    }

    /** What an Endpoint says, before any rule is applied; {@code reliability} is null when absent. */
    record EndpointFields(String id, String url, String fqdn, String partyKey, String cpaId, String odsCode,
                          List<String> interactions, Reliability reliability, MhsActor mhsActor) {
    }

    static DeviceFields readDevice(JsonNode r, List<FieldIssue> warnings, List<FieldIssue> errors) {
        unknownElements(r, DEVICE_ELEMENTS, warnings);
        String asid = null;
        String partyKey = null;
        JsonNode ids = r.path("identifier");
        for (int i = 0; i < ids.size(); i++) {
            String system = ids.get(i).path("system").asText();
            String value = text(ids.get(i).path("value"));
            switch (system) {
                case ASID -> asid = value;
                case PARTY_KEY -> partyKey = value;
                default -> warnings.add(unknown("/identifier/" + i, "identifier system " + system));
            }
        }
        String manufacturer = null;
        List<String> interactions = new ArrayList<>();
        JsonNode ext = r.path("extension");
        for (int i = 0; i < ext.size(); i++) {
            String url = ext.get(i).path("url").asText();
            String value = text(ext.get(i).path("valueReference").path("identifier").path("value"));
            switch (url) {
                case EXT_MANUFACTURER -> manufacturer = value;
                case EXT_INTERACTION -> interactions.add(value);
                default -> warnings.add(unknown("/extension/" + i, "extension " + url));
            }
        }
        String owner = text(r.path("owner").path("identifier").path("value"));
        if (owner == null) {
            errors.add(new FieldIssue("/owner", "REQUIRED", "The Device has no owner ODS code."));
        }
        if (asid == null) {
            errors.add(new FieldIssue("/identifier", "REQUIRED", "The Device has no " + ASID + " identifier."));
        }
        return new DeviceFields(text(r.path("id")), asid, partyKey, owner, manufacturer, interactions);
    }

    static EndpointFields readEndpoint(JsonNode r, List<FieldIssue> warnings, List<FieldIssue> errors) {
        unknownElements(r, ENDPOINT_ELEMENTS, warnings);
        String fqdn = null;
        String partyKey = null;
        String cpaId = null;
        JsonNode ids = r.path("identifier");
        for (int i = 0; i < ids.size(); i++) {
            String system = ids.get(i).path("system").asText();
            String value = text(ids.get(i).path("value"));
            switch (system) {
                case FQDN -> fqdn = value;
                case PARTY_KEY -> partyKey = value;
                case CPA_ID -> cpaId = value;
                case MHS_ID -> { }
                default -> warnings.add(unknown("/identifier/" + i, "identifier system " + system));
            }
        }
        List<String> interactions = new ArrayList<>();
        Reliability reliability = null;
        MhsActor actor = null;
        JsonNode ext = r.path("extension");
        for (int i = 0; i < ext.size(); i++) {
            String url = ext.get(i).path("url").asText();
            if (url.equals(EXT_INTERACTION)) {
                interactions.add(text(ext.get(i).path("valueReference").path("identifier").path("value")));
            } else if (url.equals(EXT_RELIABILITY)) {
                Integer retries = null;
                String interval = null;
                String persist = null;
                ReliabilityFlag ack = null;
                ReliabilityFlag dedupe = null;
                SyncReplyMode sync = null;
                boolean any = false;
                JsonNode parts = ext.get(i).path("extension");
                for (int j = 0; j < parts.size(); j++) {
                    JsonNode part = parts.get(j);
                    String field = "/extension/" + i + "/extension/" + j;
                    String value = part.has("valueInteger") ? part.get("valueInteger").asText() : text(part.path("valueString"));
                    switch (part.path("url").asText()) {
                        case "nhsMHSRetries" -> {
                            any = true;
                            retries = parseInt(value, field, errors);
                        }
                        case "nhsMHSRetryInterval" -> { any = true; interval = value; }
                        case "nhsMHSPersistDuration" -> { any = true; persist = value; }
                        case "nhsMHSAckRequested" -> { any = true; ack = flag(value, field, errors); }
                        case "nhsMHSDuplicateElimination" -> { any = true; dedupe = flag(value, field, errors); }
                        case "nhsMHSSyncReplyMode" -> { any = true; sync = syncReply(value, field, errors); }
                        case "nhsMHSActor" -> actor = actor(value, field, errors);
                        default -> warnings.add(unknown(field, "reliability setting " + part.path("url").asText()));
                    }
                }
                if (any) {
                    reliability = new Reliability(retries, interval, persist, ack, dedupe, sync == null ? SyncReplyMode.NONE : sync);
                }
            } else {
                warnings.add(unknown("/extension/" + i, "extension " + url));
            }
        }
        String owner = text(r.path("managingOrganization").path("identifier").path("value"));
        if (owner == null) {
            errors.add(new FieldIssue("/managingOrganization", "REQUIRED", "The Endpoint has no managing organisation."));
        }
        return new EndpointFields(text(r.path("id")), text(r.path("address")), fqdn, partyKey, cpaId, owner, interactions,
                reliability, actor);
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
                parts.addObject().put("url", "nhsMHSSyncReplyMode").put("valueString", SYNC_REPLY.get(rc.syncReplyMode()));
            }
            if (e.mhsActor() != null) {
                parts.addObject().put("url", "nhsMHSActor").put("valueString", ACTORS.get(e.mhsActor()));
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

    private static void unknownElements(JsonNode r, Set<String> known, List<FieldIssue> warnings) {
        for (Iterator<String> it = r.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                warnings.add(unknown("/" + name, "element " + name));
            }
        }
    }

    private static FieldIssue unknown(String field, String what) {
        return new FieldIssue(field, "UNKNOWN_ELEMENT", "Ignored unknown " + what + ".");
    }

    private static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    private static Integer parseInt(String value, String field, List<FieldIssue> errors) {
        try {
            return value == null ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            errors.add(new FieldIssue(field, "WRONG_TYPE", "nhsMHSRetries must be a whole number."));
            return null;
        }
    }

    private static ReliabilityFlag flag(String value, String field, List<FieldIssue> errors) {
        if ("always".equalsIgnoreCase(value)) {
            return ReliabilityFlag.ALWAYS;
        }
        if ("never".equalsIgnoreCase(value)) {
            return ReliabilityFlag.NEVER;
        }
        errors.add(new FieldIssue(field, "ENUM", "Expected always or never, not " + value + "."));
        return null;
    }

    private static SyncReplyMode syncReply(String value, String field, List<FieldIssue> errors) {
        for (Map.Entry<SyncReplyMode, String> e : SYNC_REPLY.entrySet()) {
            if (e.getValue().equalsIgnoreCase(value) || e.getKey().code().equalsIgnoreCase(value)) {
                return e.getKey();
            }
        }
        errors.add(new FieldIssue(field, "ENUM", "Expected None, MSHSignalsOnly or SignalsAndResponse, not " + value + "."));
        return null;
    }

    private static MhsActor actor(String value, String field, List<FieldIssue> errors) {
        for (Map.Entry<MhsActor, String> e : ACTORS.entrySet()) {
            if (e.getValue().equals(value) || e.getKey().code().equals(value)) {
                return e.getKey();
            }
        }
        errors.add(new FieldIssue(field, "ENUM", "Unknown ebXML actor " + value + "."));
        return null;
    }
}
