package io.spineconsole.sds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spineconsole.api.wire.sds.SdsFhir;
import io.spineconsole.domain.sds.SdsDevice;
import io.spineconsole.domain.sds.SdsEndpoint;
import okhttp3.HttpUrl;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * How the stand-in reads a search and finds its matches, by the published document: its parameters
 * ({@code organization}, {@code identifier} repeated, {@code manufacturing-organization}), each
 * {@code system|value}, and the combinations its descriptions allow. A search it cannot answer is
 * refused with the reason, as SDS answers 400 with an OperationOutcome.
 */
final class StandInSearch {
    /** The stand-in's own paging member of its next links (FHIR next links are opaque to clients). */
    static final String PAGE = "_page";
    private static final java.util.regex.Pattern ODS_CODE = java.util.regex.Pattern.compile("[A-Za-z0-9]{2,10}");
    private static final Set<String> DECLARED = Set.of("organization", "identifier", "manufacturing-organization", PAGE);

    /** A search refused: the diagnostics say why. */
    static final class Refused extends Exception {
        Refused(String diagnostics) {
            super(diagnostics, null, false, false);
        }
    }

    /** One match: the record and how it is written (an example verbatim, or made from the record). */
    record Match<T>(T record, Supplier<ObjectNode> json) {
    }

    final String ods;
    final String interaction;
    final String partyKey;
    final String manufacturer;
    final int page;

    private StandInSearch(String ods, String interaction, String partyKey, String manufacturer, int page) {
        this.ods = ods;
        this.interaction = interaction;
        this.partyKey = partyKey;
        this.manufacturer = manufacturer;
        this.page = page;
    }

    static StandInSearch read(String resource, HttpUrl url) throws Refused {
        for (String name : url.queryParameterNames()) {
            if (!DECLARED.contains(name)) {
                throw new Refused("Unknown query parameter: " + name);
            }
        }
        String ods = odsCode("organization", token("organization", single(url, "organization"), SdsFhir.ODS));
        String manufacturer = odsCode("manufacturing-organization",
                token("manufacturing-organization", single(url, "manufacturing-organization"), SdsFhir.ODS));
        String interaction = null;
        String partyKey = null;
        for (String value : url.queryParameterValues("identifier")) {
            String v = value == null ? "" : value;
            if (v.startsWith(SdsFhir.INTERACTION + "|")) {
                if (interaction != null) {
                    throw new Refused("Only one service interaction identifier may be given");
                }
                interaction = token("identifier", v, SdsFhir.INTERACTION);
            } else if (v.startsWith(SdsFhir.PARTY_KEY + "|")) {
                if (partyKey != null) {
                    throw new Refused("Only one party key identifier may be given");
                }
                partyKey = token("identifier", v, SdsFhir.PARTY_KEY);
            } else {
                throw new Refused("Invalid identifier: must be preceded by " + SdsFhir.INTERACTION + "| or "
                        + SdsFhir.PARTY_KEY + "|, not '" + v + "'");
            }
        }
        if (resource.equals("Device")) {
            if (ods == null) {
                throw new Refused("Missing or invalid organization parameter");
            }
            if (interaction == null) {
                throw new Refused("Missing or invalid identifier parameter: a service interaction is required");
            }
        } else {
            if (manufacturer != null) {
                throw new Refused("Unknown query parameter: manufacturing-organization");
            }
            boolean supported = ods != null && (interaction != null || partyKey != null) || interaction != null && partyKey != null;
            if (!supported) {
                throw new Refused("Missing or invalid query parameters: give organization and identifier, or two identifiers");
            }
        }
        int page = 0;
        String p = single(url, PAGE);
        if (p != null) {
            try {
                page = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                throw new Refused("Invalid page");
            }
        }
        return new StandInSearch(ods, interaction, partyKey, manufacturer, Math.max(0, page));
    }

    List<Match<SdsDevice>> devices(NationalSdsData data, List<Match<SdsDevice>> examples) {
        List<Match<SdsDevice>> out = new ArrayList<>();
        for (Match<SdsDevice> m : examples) {
            if (wants(m.record())) {
                out.add(m);
            }
        }
        int org = data.organisation(ods);
        if (org >= 0) {
            for (SdsDevice d : data.devicesOf(org)) {
                if (wants(d)) {
                    out.add(new Match<>(d, () -> SdsFhirWriter.device(d)));
                }
            }
        }
        return out;
    }

    List<Match<SdsEndpoint>> endpoints(NationalSdsData data, List<Match<SdsEndpoint>> examples) {
        List<Match<SdsEndpoint>> out = new ArrayList<>();
        List<SdsEndpoint> candidates = new ArrayList<>();
        for (Match<SdsEndpoint> m : examples) {
            if (wants(m.record())) {
                out.add(m);
            }
        }
        String owner = ods != null ? ods : partyKey.substring(0, Math.max(0, partyKey.indexOf('-')));
        if (NationalSdsData.SPINE_ODS.equalsIgnoreCase(owner)) {
            candidates.addAll(data.spineEndpoints());
        }
        int org = data.organisation(owner);
        if (org >= 0) {
            candidates.addAll(data.endpointsOf(org));
        }
        for (SdsEndpoint e : candidates) {
            if (wants(e)) {
                out.add(new Match<>(e, () -> SdsFhirWriter.endpoint(e)));
            }
        }
        return out;
    }

    private boolean wants(SdsDevice d) {
        return eq(ods, d.odsCode()) && (interaction == null || d.interactions().contains(interaction))
                && (partyKey == null || eq(partyKey, d.partyKey())) && (manufacturer == null || eq(manufacturer, d.manufacturerOdsCode()));
    }

    private boolean wants(SdsEndpoint e) {
        return (ods == null || eq(ods, e.odsCode())) && (interaction == null || e.interactions().contains(interaction))
                && (partyKey == null || eq(partyKey, e.partyKey()));
    }

    private static boolean eq(String asked, String value) {
        return asked == null || asked.equalsIgnoreCase(value);
    }

    private static String odsCode(String parameter, String value) throws Refused {
        if (value != null && !ODS_CODE.matcher(value).matches()) {
            throw new Refused("Invalid " + parameter + ": '" + value + "' is not an ODS code");
        }
        return value;
    }

    private static String single(HttpUrl url, String name) throws Refused {
        List<String> values = url.queryParameterValues(name);
        if (values.size() > 1) {
            throw new Refused("The " + name + " parameter may be given once");
        }
        return values.isEmpty() ? null : values.get(0);
    }

    private static String token(String parameter, String value, String system) throws Refused {
        if (value == null) {
            return null;
        }
        if (!value.startsWith(system + "|") || value.length() == system.length() + 1) {
            throw new Refused("Invalid " + parameter + ": must be preceded by " + system + "|");
        }
        return value.substring(system.length() + 1);
    }
}
