package io.spineconsole.sds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spineconsole.domain.sds.SdsEnvironment;
import io.spineconsole.sds.SdsSpec.Operation;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract checks themselves: the document read as published, and breaches of it caught. */
class SdsContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SdsSpec SPEC = SdsSpec.get();

    @Test
    void theDocumentDeclaresTheTwoSearchesWithTheirParametersAndHeaders() {
        Operation device = SPEC.operation("GET", "/Device").orElseThrow();
        Operation endpoint = SPEC.operation("GET", "/Endpoint").orElseThrow();
        assertEquals("/spine-directory/FHIR/R4", SPEC.basePath());
        assertTrue(device.parameter("query", "organization").orElseThrow().required());
        assertFalse(endpoint.parameter("query", "organization").orElseThrow().required());
        assertTrue(device.parameter("query", "identifier").orElseThrow().isArray());
        assertTrue(device.parameter("header", "apikey").orElseThrow().required());
        assertFalse(device.parameter("header", "X-Correlation-Id").orElseThrow().required());
        assertEquals(java.util.Set.of("https://fhir.nhs.uk/Id/nhsServiceInteractionId", "https://fhir.nhs.uk/Id/nhsMhsPartyKey"),
                endpoint.parameter("query", "identifier").orElseThrow().systems());
        assertEquals("application/fhir+json", device.answers().get(200).contentType());
        assertEquals(java.util.Set.of(200, 400, 404, 405, 406, 500, 502, 504), device.answers().keySet());
    }

    @Test
    void everyEnvironmentsBaseUrlIsTheOneTheDocumentLists() {
        Map<String, String> listed = SPEC.environments();
        assertEquals(4, listed.size(), listed::toString);
        assertEquals(listed.values().stream().sorted().toList(),
                Arrays.stream(SdsEnvironment.values()).map(SdsEnvironment::baseUrl).sorted().toList());
        assertEquals(SdsEnvironment.SANDBOX.baseUrl(), listed.get("Sandbox"));
        assertEquals(SdsEnvironment.LIVE.baseUrl(), listed.get("Production"));
    }

    @Test
    void theDocumentsOwnExamplesKeepItsSchemas() {
        SdsContractValidator v = new SdsContractValidator();
        for (Operation op : SPEC.operations()) {
            JsonNode example = SPEC.example(op);
            assertEquals(op.resourceType(), example.path("entry").path(0).path("resource").path("resourceType").asText());
            assertEquals(List.of(), v.validate(op.answers().get(200).schemaPointer(), example), op.operationId());
        }
        assertEquals(List.of(), v.validateAgainstFile("components/schemas/Endpoint.yaml", SPEC.example("components/examples/Endpoint.json")));
        assertEquals(List.of(), v.validateAgainstFile("components/schemas/Device.yaml", SPEC.example("components/examples/Device.json")));
    }

    @Test
    void breachesOfTheSchemasAreCaughtThroughTheirReferences() {
        SdsContractValidator v = new SdsContractValidator();
        String pointer = SPEC.operation("GET", "/Endpoint").orElseThrow().answers().get(200).schemaPointer();

        ObjectNode wrongTotal = (ObjectNode) SPEC.example("components/examples/EndpointBundle.json");
        wrongTotal.put("total", "one");
        assertViolation(v.validate(pointer, wrongTotal), "total");

        ObjectNode notAUuid = (ObjectNode) SPEC.example("components/examples/EndpointBundle.json");
        notAUuid.put("id", "not-a-uuid");
        assertViolation(v.validate(pointer, notAUuid), "uuid");

        // Through EndpointBundle.yaml → Endpoint.yaml: the status enum, and identifier's type.
        ObjectNode off = (ObjectNode) SPEC.example("components/examples/EndpointBundle.json");
        ((ObjectNode) off.path("entry").path(0).path("resource")).put("status", "off");
        assertViolation(v.validate(pointer, off), "status");
        ObjectNode identifierObject = (ObjectNode) SPEC.example("components/examples/EndpointBundle.json");
        ((ObjectNode) identifierObject.path("entry").path(0).path("resource")).putObject("identifier");
        assertViolation(v.validate(pointer, identifierObject), "identifier");
    }

    @Test
    void theOpenApi30DialectHonoursNullableAndDraft4Rules() throws Exception {
        SdsContractValidator v = new SdsContractValidator();
        JsonNode nullable = JSON.readTree("{\"type\":\"string\",\"nullable\":true}");
        JsonNode notNullable = JSON.readTree("{\"type\":\"string\"}");
        assertEquals(List.of(), v.validateWithDialect(nullable, JSON.nullNode()));
        assertFalse(v.validateWithDialect(notNullable, JSON.nullNode()).isEmpty());
        // Draft 4's boolean exclusiveMaximum, as OpenAPI 3.0 writes it.
        JsonNode below10 = JSON.readTree("{\"type\":\"integer\",\"maximum\":10,\"exclusiveMaximum\":true}");
        assertFalse(v.validateWithDialect(below10, JSON.getNodeFactory().numberNode(10)).isEmpty());
        assertEquals(List.of(), v.validateWithDialect(below10, JSON.getNodeFactory().numberNode(9)));
    }

    private static void assertViolation(List<String> violations, String mentioning) {
        assertFalse(violations.isEmpty(), "expected a violation mentioning " + mentioning);
        assertTrue(violations.stream().anyMatch(s -> s.contains(mentioning)),
                () -> violations.stream().collect(Collectors.joining("\n")));
    }

    private static final String BASE = "https://int.api.service.nhs.uk/spine-directory/FHIR/R4";
    private static final String ORG = "organization=https://fhir.nhs.uk/Id/ods-organization-code%7CYES";
    private static final String SVC = "identifier=https://fhir.nhs.uk/Id/nhsServiceInteractionId%7Curn:nhs:names:services:psis:REPC_IN150016UK05";
    private static final java.util.function.Function<String, String> GOOD_HEADERS = h -> switch (h.toLowerCase()) {
        case "apikey" -> "key";
        case "x-correlation-id" -> "6d3d3674-7ce5-11ec-90d6-0242ac120003";
        default -> null;
    };

    @Test
    void aRequestAsTheDocumentDescribesItKeepsIt() {
        SdsContractValidator v = new SdsContractValidator();
        assertEquals(List.of(), v.request("GET", BASE + "/Device?" + ORG + "&" + SVC, GOOD_HEADERS));
        assertEquals(List.of(), v.request("GET", BASE + "/Endpoint?" + SVC
                + "&identifier=https://fhir.nhs.uk/Id/nhsMhsPartyKey%7CYES-0000806", h -> h.equals("apikey") ? "k" : null));
    }

    @Test
    void requestsThatBreakTheDocumentAreCaught() {
        SdsContractValidator v = new SdsContractValidator();
        assertViolation(v.request("GET", BASE + "/Device?" + ORG + "&" + SVC, h -> null), "apikey");
        assertViolation(v.request("GET", BASE + "/Device?" + SVC, GOOD_HEADERS), "organization");
        assertViolation(v.request("GET", BASE + "/Device?" + ORG
                + "&identifier=https://fhir.nhs.uk/Id/nhsSpineASID%7C200000000985", GOOD_HEADERS), "nhsSpineASID");
        assertViolation(v.request("GET", BASE + "/Device?" + ORG + "&" + SVC + "&_count=10", GOOD_HEADERS), "_count");
        assertViolation(v.request("GET", BASE + "/Device?" + ORG + "&" + ORG + "&" + SVC, GOOD_HEADERS), "not an array");
        assertViolation(v.request("GET", BASE + "/Device?organization=YES&" + SVC, GOOD_HEADERS), "system|value");
        assertViolation(v.request("GET", BASE + "/Device?" + ORG + "&" + SVC,
                h -> h.equalsIgnoreCase("apikey") ? "k" : h.equalsIgnoreCase("X-Correlation-Id") ? "not-a-uuid" : null), "uuid");
        assertViolation(v.request("POST", BASE + "/Device?" + ORG + "&" + SVC, GOOD_HEADERS), "no operation");
        assertViolation(v.request("GET", "https://int.api.service.nhs.uk/FHIR/R4/Device?" + ORG + "&" + SVC, GOOD_HEADERS),
                "base path");
    }

    @Test
    void answersThatBreakTheDocumentAreCaught() {
        SdsContractValidator v = new SdsContractValidator();
        String url = BASE + "/Endpoint?" + ORG + "&" + SVC;
        String bundle = SPEC.example("components/examples/EndpointBundle.json").toString();
        String outcome = "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"invalid\"}]}";
        java.util.function.Function<String, String> none = h -> null;

        assertEquals(List.of(), v.answer("GET", url, 200, "application/fhir+json", none, bundle));
        assertEquals(List.of(), v.answer("GET", url, 400, "application/fhir+json", none, outcome));
        assertEquals(List.of(), v.answer("GET", url, 429, "application/fhir+json", h -> h.equals("Retry-After") ? "1" : null, outcome));
        assertViolation(v.answer("GET", url, 200, "application/json", none, bundle), "content type");
        assertViolation(v.answer("GET", url, 418, "application/fhir+json", none, outcome), "not declared");
        assertViolation(v.answer("GET", url, 400, "application/fhir+json", none, "{\"error\":\"bad\"}"), "OperationOutcome");
        assertViolation(v.answer("GET", url, 400, "text/plain", none, outcome), "content type");
        assertViolation(v.answer("GET", url, 429, "application/fhir+json", none, outcome), "Retry-After");
        assertViolation(v.answer("GET", url, 200, "application/fhir+json", none,
                bundle.replace("\"searchset\"", "\"collection\"")), "searchset");
        assertViolation(v.answer("GET", BASE + "/Device?" + ORG + "&" + SVC, 200, "application/fhir+json", none, bundle),
                "has resourceType Endpoint");
    }

    @Test
    void aNextLinkIsOpaqueButOnlyWhenTheServiceGaveIt() {
        SdsContractValidator v = new SdsContractValidator();
        String url = BASE + "/Endpoint?" + ORG + "&" + SVC;
        String next = url + "&_page=2";
        ObjectNode bundle = (ObjectNode) SPEC.example("components/examples/EndpointBundle.json");
        ((com.fasterxml.jackson.databind.node.ArrayNode) bundle.get("link")).addObject().put("relation", "next").put("url", next);

        assertViolation(v.request("GET", next, GOOD_HEADERS), "_page");
        assertEquals(List.of(), v.answer("GET", url, 200, "application/fhir+json", h -> null, bundle.toString()));
        assertEquals(List.of(), v.request("GET", next, GOOD_HEADERS), "a page of the search, by the link it gave");
        assertViolation(v.request("GET", next, h -> null), "apikey");
    }
}
