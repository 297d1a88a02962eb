package io.spineconsole.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spineconsole.contract.OpenApiContract;
import io.spineconsole.domain.messages.CancelRequest;
import io.spineconsole.domain.messages.RedeliverRequest;
import io.spineconsole.domain.messages.RedeliveryJobCreate;
import io.spineconsole.domain.alerts.AlertRuleDraft;
import io.spineconsole.domain.alerts.SnoozeRequest;
import io.spineconsole.domain.messages.DiscardRequest;
import io.spineconsole.sandbox.http.alerts.AlertRoutes;
import io.spineconsole.domain.migration.ChecklistItemCreate;
import io.spineconsole.domain.migration.ComponentCreate;
import io.spineconsole.domain.migration.ComponentTransitionRequest;
import io.spineconsole.domain.migration.ComponentUpdate;
import io.spineconsole.domain.migration.RunbookStepCreate;
import io.spineconsole.domain.migration.SignOffRequest;
import io.spineconsole.domain.migration.SiteCreate;
import io.spineconsole.domain.migration.SiteUpdate;
import io.spineconsole.domain.migration.WaveCreate;
import io.spineconsole.domain.migration.WaveUpdate;
import io.spineconsole.domain.registrations.AccreditedSystemCreate;
import io.spineconsole.domain.registrations.AccreditedSystemUpdate;
import io.spineconsole.domain.registrations.CheckRequest;
import io.spineconsole.domain.registrations.MhsEndpointChange;
import io.spineconsole.domain.registrations.OrganisationCreate;
import io.spineconsole.domain.registrations.OrganisationUpdate;
import io.spineconsole.domain.registrations.TransitionRequest;
import io.spineconsole.domain.sds.DriftExpectationCreate;
import io.spineconsole.domain.tokens.RevokeRequest;
import io.spineconsole.domain.tokens.TokenCreate;
import io.spineconsole.domain.sandbox.ScenarioStart;
import io.spineconsole.domain.sandbox.TrafficChange;
import io.spineconsole.domain.tokens.TokenExpiry;
import org.junit.jupiter.api.Test;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The members the server lets be null are exactly those openapi.yaml types with {@code 'null'}, for
 * every JSON request body it reads as a record; and a null anywhere else is named, member by member.
 */
class NullableMembersTest {
    /** Each request schema of the contract, and the type the routes read it as (merge patches and bundles aside). */
    private static final Map<String, Class<?>> READ_AS = Map.ofEntries(
            Map.entry("TokenCreate", TokenCreate.class), Map.entry("RevokeRequest", RevokeRequest.class),
            Map.entry("OrganisationCreate", OrganisationCreate.class),
            Map.entry("OrganisationUpdate", OrganisationUpdate.class),
            Map.entry("AccreditedSystemCreate", AccreditedSystemCreate.class),
            Map.entry("AccreditedSystemUpdate", AccreditedSystemUpdate.class),
            Map.entry("MhsEndpointCreate", MhsEndpointChange.class), Map.entry("MhsEndpointUpdate", MhsEndpointChange.class),
            Map.entry("RegistrationTransitionRequest", TransitionRequest.class),
            Map.entry("CheckRequest", CheckRequest.class), Map.entry("RedeliverRequest", RedeliverRequest.class),
            Map.entry("DiscardRequest", DiscardRequest.class),
            Map.entry("RedeliveryJobCreate", RedeliveryJobCreate.class), Map.entry("CancelRequest", CancelRequest.class),
            Map.entry("SiteCreate", SiteCreate.class), Map.entry("SiteUpdate", SiteUpdate.class),
            Map.entry("ChecklistItemCreate", ChecklistItemCreate.class), Map.entry("SignOffRequest", SignOffRequest.class),
            Map.entry("ComponentCreate", ComponentCreate.class), Map.entry("ComponentUpdate", ComponentUpdate.class),
            Map.entry("ComponentTransitionRequest", ComponentTransitionRequest.class),
            Map.entry("RunbookStepCreate", RunbookStepCreate.class), Map.entry("WaveCreate", WaveCreate.class),
            Map.entry("WaveUpdate", WaveUpdate.class), Map.entry("SandboxTrafficChange", TrafficChange.class),
            Map.entry("ScenarioStart", ScenarioStart.class), Map.entry("TokenExpiry", TokenExpiry.class),
            Map.entry("DriftExpectationCreate", DriftExpectationCreate.class),
            Map.entry("AlertRuleDraft", AlertRuleDraft.class), Map.entry("AlertSnoozeRequest", SnoozeRequest.class),
            Map.entry("AlertAcknowledgeRequest", AlertRoutes.AcknowledgeBody.class));
    private static final Set<String> NOT_RECORDS = Set.of("ChecklistItemPatch", "RunbookStepPatch", "FhirBundle");

    private final OpenApiContract contract = OpenApiContract.get();

    @Test
    void theServersNullableMembersAreTheContracts() {
        Set<String> seen = new TreeSet<>();
        for (OpenApiContract.Operation op : contract.operations()) {
            JsonNode content = contract.root().at("/paths/" + op.pathTemplate().replace("~", "~0").replace("/", "~1")
                    + "/" + op.method().toLowerCase() + "/requestBody/content");
            for (Iterator<JsonNode> it = content.elements(); it.hasNext(); ) {
                String ref = it.next().path("schema").path("$ref").asText("");
                String name = ref.substring(ref.lastIndexOf('/') + 1);
                if (name.isEmpty() || NOT_RECORDS.contains(name)) {
                    continue;
                }
                assertTrue(READ_AS.containsKey(name), "which type is " + name + " read as?");
                Set<String> nullable = new TreeSet<>();
                collect(contract.at(ref.substring(1)), "", nullable, 0);
                assertEquals(nullable, new TreeSet<>(NullableMembers.BY_TYPE.getOrDefault(READ_AS.get(name), Set.of())),
                        name + ": the members that may be null");
                seen.add(name);
            }
        }
        assertEquals(new TreeSet<>(READ_AS.keySet()), seen, "every request schema checked");
    }

    @Test
    void everyNullWhereNoneIsAllowedIsNamed() throws Exception {
        JsonNode body = new ObjectMapper().readTree("{\"odsCode\":\"RR8\",\"name\":null,\"kind\":null,"
                + "\"parentOdsCode\":null,\"tags\":[\"a\",null]}");
        List<ProblemException.FieldProblem> nulls = NullableMembers.explicitNulls(OrganisationCreate.class, body);
        assertEquals(List.of("/name", "/kind", "/tags/1"), nulls.stream().map(ProblemException.FieldProblem::field).toList());
        assertTrue(nulls.stream().allMatch(n -> n.code().equals("WRONG_TYPE")));
        assertTrue(NullableMembers.explicitNulls(OrganisationCreate.class, new ObjectMapper().readTree(
                "{\"odsCode\":\"RR8\",\"parentOdsCode\":null,\"postcode\":null}")).isEmpty());
    }

    private void collect(JsonNode schema, String pointer, Set<String> out, int depth) {
        JsonNode s = contract.resolve(schema);
        if (depth > 6) {
            return;
        }
        List<JsonNode> parts = new java.util.ArrayList<>(List.of(s));
        s.path("allOf").forEach(p -> parts.add(contract.resolve(p)));
        for (String union : List.of("oneOf", "anyOf")) {
            s.path(union).forEach(p -> {
                if (!"null".equals(contract.resolve(p).path("type").asText())) {
                    parts.add(contract.resolve(p));
                }
            });
        }
        for (JsonNode part : parts) {
            for (Iterator<Map.Entry<String, JsonNode>> it = part.path("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                String p = pointer + "/" + member.getKey();
                if (nullable(member.getValue())) {
                    out.add(p);
                }
                collect(member.getValue(), p, out, depth + 1);
            }
            if (types(part).contains("array")) {
                if (nullable(part.path("items"))) {
                    out.add(pointer + "/*");
                }
                collect(part.path("items"), pointer + "/*", out, depth + 1);
            }
        }
    }

    private boolean nullable(JsonNode schema) {
        if (schema.has("$ref")) {
            return false;
        }
        if (types(schema).contains("null")) {
            return true;
        }
        for (String union : List.of("oneOf", "anyOf")) {
            for (JsonNode p : schema.path(union)) {
                if ("null".equals(contract.resolve(p).path("type").asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Set<String> types(JsonNode schema) {
        Set<String> out = new TreeSet<>();
        JsonNode t = schema.path("type");
        if (t.isArray()) {
            t.forEach(x -> out.add(x.asText()));
        } else if (t.isTextual()) {
            out.add(t.asText());
        }
        return out;
    }
}
