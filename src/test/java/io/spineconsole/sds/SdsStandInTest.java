package io.spineconsole.sds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stand-in itself, asked by hand as a careless client would: each answer keeps the published document. */
class SdsStandInTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORG = "organization=https://fhir.nhs.uk/Id/ods-organization-code|YES";
    private static final String SVC = "identifier=https://fhir.nhs.uk/Id/nhsServiceInteractionId|urn:nhs:names:services:psis:REPC_IN150016UK05";
    private final OkHttpClient http = new OkHttpClient();
    private SdsStandIn standIn;

    @AfterEach
    void close() {
        standIn.close();
        http.dispatcher().executorService().shutdown();
    }

    @Test
    void refusesWhatTheDocumentDoesNotOfferWithAnOperationOutcome() throws Exception {
        standIn = new SdsStandIn(NationalSdsData.national(), SdsStandIn.Config.defaults());
        String base = standIn.baseUrl();

        assertRefused(get(base + "/Device?" + SVC, SdsStandIn.API_KEY), 400, "Missing or invalid organization parameter");
        assertRefused(get(base + "/Device?" + ORG + "&identifier=https://fhir.nhs.uk/Id/nhsSpineASID|200000000985",
                SdsStandIn.API_KEY), 400, "Invalid identifier");
        assertRefused(get(base + "/Endpoint?identifier=https://fhir.nhs.uk/Id/nhsMhsPartyKey|YES-0000806", SdsStandIn.API_KEY),
                400, "Missing or invalid query parameters");
        assertRefused(get(base + "/Endpoint?" + ORG + "&" + SVC + "&_count=5", SdsStandIn.API_KEY), 400, "Unknown query parameter");
        assertRefused(get(base + "/Endpoint?" + ORG + "&" + SVC, null), 401, "Missing API key");
        assertRefused(get(base + "/Patient?" + ORG, SdsStandIn.API_KEY), 404, "Invalid endpoint path");
        assertRefused(call(new Request.Builder().url(base + "/Endpoint?" + ORG + "&" + SVC).header("apikey", SdsStandIn.API_KEY)
                .post(RequestBody.create(new byte[0])).build()), 405, "only GET");
        assertRefused(call(new Request.Builder().url(base + "/Endpoint?" + ORG + "&" + SVC).header("apikey", SdsStandIn.API_KEY)
                .header("Accept", "application/xml").build()), 406, "Unsupported media type");

        // The answers keep the document; of the requests, only the careless ones are refused by the validator too.
        SdsContractValidator v = new SdsContractValidator();
        for (SdsContractValidator.Exchange x : standIn.exchanges()) {
            assertEquals(List.of(), v.answer(x.method(), x.url(), x.status(), x.contentType(), x.answerHeader(), x.body()),
                    x.describe());
        }
    }

    @Test
    void asTheSdsSandboxItCanTakeAnyKey() throws Exception {
        standIn = new SdsStandIn(NationalSdsData.national(), SdsStandIn.Config.defaults().acceptingAnyKey());
        try (Response r = get(standIn.baseUrl() + "/Endpoint?" + ORG + "&" + SVC, "anything")) {
            assertEquals(200, r.code());
            JsonNode bundle = JSON.readTree(r.body().string());
            assertEquals("08CE3BFB-5055-422B-9AE5-80DF6F4E1C61", bundle.path("entry").path(0).path("resource").path("id").asText(),
                    "the published example, verbatim");
            assertEquals(r.header("X-Correlation-Id"), "6d3d3674-7ce5-11ec-90d6-0242ac120003", "the correlation id comes back");
        }
        assertEquals(List.of(), new SdsContractValidator().violations(standIn.exchanges()));
    }

    private Response get(String url, String key) throws IOException {
        Request.Builder b = new Request.Builder().url(url).header("X-Correlation-Id", "6d3d3674-7ce5-11ec-90d6-0242ac120003");
        if (key != null) {
            b.header("apikey", key);
        }
        return http.newCall(b.build()).execute();
    }

    private Response call(Request request) throws IOException {
        return http.newCall(request).execute();
    }

    private static void assertRefused(Response response, int status, String saying) throws IOException {
        try (response) {
            assertEquals(status, response.code());
            assertTrue(response.header("Content-Type").startsWith("application/fhir+json"));
            JsonNode oo = JSON.readTree(response.body().string());
            assertEquals("OperationOutcome", oo.path("resourceType").asText());
            assertTrue(oo.path("issue").path(0).path("diagnostics").asText().contains(saying), oo.toString());
        }
    }
}
