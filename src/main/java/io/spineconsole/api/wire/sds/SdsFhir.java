package io.spineconsole.api.wire.sds;

import com.fasterxml.jackson.databind.JsonNode;
import io.spineconsole.domain.sds.SdsDevice;
import io.spineconsole.domain.sds.SdsEndpoint;
import io.spineconsole.domain.sds.SdsReliability;

import java.util.ArrayList;
import java.util.List;

/**
 * The SDS FHIR API's resources read into {@link SdsDevice} and {@link SdsEndpoint}: the identifier
 * systems and extensions SDS uses, values kept as SDS writes them. Leniency is deliberate: an
 * identifier or extension the console does not know is skipped, a missing member is null, a
 * reliability setting may come as {@code valueString} or {@code valueInteger} (the published
 * example has both). Whether the values are acceptable is for the caller to judge.
 */
public final class SdsFhir {
    public static final String ID = "https://fhir.nhs.uk/Id/";
    public static final String ODS = ID + "ods-organization-code";
    public static final String INTERACTION = ID + "nhsServiceInteractionId";
    public static final String PARTY_KEY = ID + "nhsMhsPartyKey";
    public static final String ASID = ID + "nhsSpineASID";
    public static final String FQDN = ID + "nhsMhsFQDN";
    public static final String CPA_ID = ID + "nhsMhsCPAId";
    public static final String MHS_ID = ID + "nhsMHSId";
    private static final String SD = "https://fhir.nhs.uk/StructureDefinition/";
    public static final String EXT_MANUFACTURER = SD + "Extension-SDS-ManufacturingOrganisation";
    public static final String EXT_INTERACTION = SD + "Extension-SDS-NhsServiceInteractionId";
    public static final String EXT_RELIABILITY = SD + "Extension-SDS-ReliabilityConfiguration";

    private SdsFhir() {
    }

    /** A FHIR {@code Device} resource. */
    public static SdsDevice device(JsonNode r) {
        String asid = null;
        String partyKey = null;
        for (JsonNode id : r.path("identifier")) {
            String system = id.path("system").asText("");
            if (system.equals(ASID)) {
                asid = text(id.path("value"));
            } else if (system.equals(PARTY_KEY)) {
                partyKey = text(id.path("value"));
            }
        }
        String manufacturer = null;
        List<String> interactions = new ArrayList<>();
        for (JsonNode ext : r.path("extension")) {
            String url = ext.path("url").asText("");
            String value = text(ext.path("valueReference").path("identifier").path("value"));
            if (url.equals(EXT_MANUFACTURER)) {
                manufacturer = value;
            } else if (url.equals(EXT_INTERACTION) && value != null) {
                interactions.add(value);
            }
        }
        JsonNode owner = r.path("owner");
        return new SdsDevice(text(r.path("id")), asid, partyKey, text(owner.path("identifier").path("value")),
                text(owner.path("display")), manufacturer, interactions);
    }

    /** A FHIR {@code Endpoint} resource. */
    public static SdsEndpoint endpoint(JsonNode r) {
        String fqdn = null;
        String partyKey = null;
        String cpaId = null;
        String mhsId = null;
        for (JsonNode id : r.path("identifier")) {
            String value = text(id.path("value"));
            switch (id.path("system").asText("")) {
                case FQDN -> fqdn = value;
                case PARTY_KEY -> partyKey = value;
                case CPA_ID -> cpaId = value;
                case MHS_ID -> mhsId = value;
                default -> {
                    // an identifier SDS may add later: not compared
                }
            }
        }
        List<String> interactions = new ArrayList<>();
        SdsReliability reliability = null;
        for (JsonNode ext : r.path("extension")) {
            String url = ext.path("url").asText("");
            if (url.equals(EXT_INTERACTION)) {
                String value = text(ext.path("valueReference").path("identifier").path("value"));
                if (value != null) {
                    interactions.add(value);
                }
            } else if (url.equals(EXT_RELIABILITY)) {
                reliability = reliability(ext.path("extension"));
            }
        }
        return new SdsEndpoint(text(r.path("id")), text(r.path("status")), text(r.path("connectionType").path("code")),
                text(r.path("address")), text(r.path("managingOrganization").path("identifier").path("value")), fqdn,
                partyKey, cpaId, mhsId, interactions, reliability);
    }

    private static SdsReliability reliability(JsonNode parts) {
        String sync = null;
        String interval = null;
        String retries = null;
        String persist = null;
        String dedupe = null;
        String ack = null;
        String actor = null;
        for (JsonNode part : parts) {
            String value = text(part.has("valueString") ? part.get("valueString") : part.path("valueInteger"));
            switch (part.path("url").asText("")) {
                case "nhsMHSSyncReplyMode" -> sync = value;
                case "nhsMHSRetryInterval" -> interval = value;
                case "nhsMHSRetries" -> retries = value;
                case "nhsMHSPersistDuration" -> persist = value;
                case "nhsMHSDuplicateElimination" -> dedupe = value;
                case "nhsMHSAckRequested" -> ack = value;
                case "nhsMHSActor" -> actor = value;
                default -> {
                    // a setting SDS may add later: not compared
                }
            }
        }
        SdsReliability r = new SdsReliability(sync, interval, retries, persist, dedupe, ack, actor);
        return r.isEmpty() ? null : r;
    }

    /** A FHIR search token: {@code system|value}. */
    public static String token(String system, String value) {
        return system + "|" + value;
    }

    static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() || node.isContainerNode() ? null : node.asText();
    }
}
