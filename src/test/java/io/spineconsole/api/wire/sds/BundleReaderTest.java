package io.spineconsole.api.wire.sds;

import com.fasterxml.jackson.databind.JsonNode;
import io.spineconsole.domain.sds.SdsEndpoint;
import io.spineconsole.sds.NationalSdsData;
import io.spineconsole.sds.SdsFhirWriter;
import io.spineconsole.sds.SdsSpec;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BundleReaderTest {

    @Test
    void readsThePublishedExampleBundles() throws Exception {
        List<JsonNode> resources = new ArrayList<>();
        BundleReader.Facts facts = BundleReader.read(in(SdsSpec.get().example("components/examples/DeviceBundle.json").toString()),
                resources::add);

        assertEquals("Bundle", facts.resourceType());
        assertEquals("searchset", facts.type());
        assertEquals(1, facts.total());
        assertEquals(1, facts.entries());
        assertEquals(Optional.empty(), facts.next());
        assertTrue(facts.links().get("self").startsWith("https://int.api.service.nhs.uk/spine-directory/FHIR/R4/Device?"));
        assertEquals("200000000985", SdsFhir.device(resources.get(0)).asid());
    }

    @Test
    void handsEachEntryOnAsItIsReadAndFindsTheNextLinkWhereverItComes() throws Exception {
        String json = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":["
                + "{\"resource\":{\"resourceType\":\"Endpoint\",\"id\":\"1\"}},{\"resource\":{\"resourceType\":\"Endpoint\",\"id\":\"2\"}},"
                + "{\"fullUrl\":\"no resource\"}],"
                + "\"link\":[{\"relation\":\"self\",\"url\":\"https://s/Endpoint?a\"},{\"relation\":\"next\",\"url\":\"https://s/Endpoint?a&p=2\"}],"
                + "\"total\":7}";
        List<String> order = new ArrayList<>();

        BundleReader.Facts facts = BundleReader.read(in(json), r -> order.add(r.path("id").asText()));

        assertEquals(List.of("1", "2"), order);
        assertEquals(3, facts.entries());
        assertEquals(7, facts.total());
        assertEquals(Optional.of("https://s/Endpoint?a&p=2"), facts.next());
    }

    @Test
    void anotherResourceOrNoJsonIsReportedAsSuch() {
        BundleReader.NotABundle e = assertThrows(BundleReader.NotABundle.class, () -> BundleReader.read(
                in("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"invalid\"}]}"), r -> { }));
        assertEquals("OperationOutcome", e.resource().path("resourceType").asText());
        assertEquals("invalid", e.resource().path("issue").path(0).path("code").asText());
        assertThrows(IOException.class, () -> BundleReader.read(in("<html>gateway error</html>"), r -> { }));
        assertThrows(IOException.class, () -> BundleReader.read(in("[1,2]"), r -> { }));
    }

    @Test
    void aGeneratedExtractReadsBackRecordForRecord() throws Exception {
        NationalSdsData data = new NationalSdsData(40, 5, 3L);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SdsFhirWriter.writeEndpointExtract(out, "https://sds.example/spine-directory/FHIR/R4", data.endpoints(), data.allEndpoints());
        List<SdsEndpoint> read = new ArrayList<>();

        BundleReader.Facts facts = BundleReader.read(new ByteArrayInputStream(out.toByteArray()), r -> read.add(SdsFhir.endpoint(r)));

        assertEquals(200, facts.entries());
        List<SdsEndpoint> expected = new ArrayList<>();
        data.allEndpoints().forEachRemaining(expected::add);
        assertEquals(expected, read);
    }

    private static InputStream in(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
