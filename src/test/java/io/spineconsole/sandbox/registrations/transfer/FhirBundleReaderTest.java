package io.spineconsole.sandbox.registrations.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spineconsole.api.wire.WireJson;
import io.spineconsole.domain.registrations.FieldIssue;
import io.spineconsole.domain.sds.SdsDevice;
import io.spineconsole.domain.registrations.MhsActor;
import io.spineconsole.domain.registrations.Reliability;
import io.spineconsole.domain.registrations.ReliabilityFlag;
import io.spineconsole.domain.registrations.SyncReplyMode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SDS FHIR Bundle reader: the published SDS examples, one entry at a time, and whole-file refusals in order. */
class FhirBundleReaderTest {
    private static final ObjectMapper MAPPER = WireJson.strictMapper();
    private static final String EXAMPLES = "/fixtures/sds-fhir/components/examples/";
    private static final String DEVICE = "{\"resource\":{\"resourceType\":\"Device\"}}";

    private final FhirBundleReader reader = new FhirBundleReader(MAPPER);

    @Test
    void readsTheSdsDeviceBundleExample() throws Exception {
        List<JsonNode> entries = read(example("DeviceBundle.json"));

        assertEquals(1, entries.size());
        List<FieldIssue> warnings = new ArrayList<>();
        List<FieldIssue> errors = new ArrayList<>();
        SdsDevice device = SdsFhirEntries.device(entries.get(0).path("resource"), warnings, errors);
        assertEquals(new SdsDevice("0E512499-E65C-4AE9-BEEC-224917FCDE94", "200000000985", "A20047-821870",
                "A20047", null, "A20047", List.of("urn:nhs:names:services:gpconnect:fhir:operation:gpc.getcarerecord",
                "urn:nhs:names:services:gpconnect:fhir:rest:read:location")), device);
        assertEquals(List.of(), warnings);
        assertEquals(List.of(), errors);
        assertEquals("match", entries.get(0).path("search").path("mode").asText(), "the whole entry is handed over");
    }

    @Test
    void readsTheSdsEndpointBundleExample() throws Exception {
        List<JsonNode> entries = read(example("EndpointBundle.json"));

        assertEquals(1, entries.size());
        List<FieldIssue> warnings = new ArrayList<>();
        List<FieldIssue> errors = new ArrayList<>();
        SdsFhirEntries.EndpointFields endpoint = SdsFhirEntries.endpoint(entries.get(0).path("resource"), warnings, errors);
        assertEquals(new SdsFhirEntries.EndpointFields("08CE3BFB-5055-422B-9AE5-80DF6F4E1C61",
                "https://msg.int.spine2.ncrs.nhs.uk/reliablemessaging/reliablerequest", "msg.int.spine2.ncrs.nhs.uk",
                "YES-0000806", "S20001A000182", "YES", List.of("urn:nhs:names:services:psis:REPC_IN150016UK05"),
                new Reliability(2, "PT1M", "PT5M", ReliabilityFlag.ALWAYS, ReliabilityFlag.ALWAYS,
                        SyncReplyMode.MSH_SIGNALS_ONLY), MhsActor.TO_PARTY_MSH), endpoint);
        assertEquals(List.of(), warnings, "connectionType, payloadType and the MHS id are SDS's own, not unknown");
        assertEquals(List.of(), errors);
    }

    @Test
    void membersMayComeInAnyOrderAndTheEntriesAreHandedOverInOrder() throws Exception {
        List<JsonNode> entries = read("{\"entry\":[" + device("A") + "," + device("B") + "],\"type\":\"collection\","
                + "\"resourceType\":\"Bundle\",\"id\":\"x\",\"meta\":{},\"timestamp\":\"t\",\"total\":2,\"link\":[]}");

        assertEquals(List.of("A", "B"), entries.stream().map(e -> e.path("resource").path("id").asText()).toList());
    }

    @Test
    void aBundleWithoutEntriesIsReadAsEmpty() throws Exception {
        assertEquals(List.of(), read("{\"resourceType\":\"Bundle\",\"type\":\"searchset\"}"));
    }

    @Test
    void refusesWhatIsNotABundle() {
        for (String body : List.of("", "[]", "42", "null", "\"text\"", "{\"resourceType\":\"Device\",\"type\":\"collection\"}",
                "{\"resourceType\":1,\"type\":\"collection\"}", "{\"type\":\"collection\",\"entry\":[" + DEVICE + "]}")) {
            UnreadableFile e = refused(body);
            assertEquals("/resourceType", e.field(), body);
            assertTrue(e.getMessage().startsWith("The body must be a FHIR Bundle"), e.getMessage());
        }
    }

    @Test
    void refusesEachWrongPartOfABundleInTheOrderOfReadingItWhole() {
        assertRefused("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"colour\":\"red\",\"shade\":1}", "/colour",
                "Unknown Bundle member 'colour'.");
        assertRefused("{\"resourceType\":\"Bundle\",\"type\":\"history\",\"colour\":\"red\"}", "/colour",
                "Unknown Bundle member 'colour'.");
        assertRefused("{\"resourceType\":\"Bundle\",\"type\":\"history\",\"entry\":{}}", "/type",
                "Bundle type must be searchset, collection, transaction or batch.");
        assertRefused("{\"resourceType\":\"Bundle\",\"entry\":[]}", "/type",
                "Bundle type must be searchset, collection, transaction or batch.");
        assertRefused("{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"entry\":null}", "/entry", "Bundle entry must be an array.");
        assertRefused("{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"entry\":[" + DEVICE + ",{\"resource\":1},7]}",
                "/entry/1/resource", "Each entry needs a resource object.");
        assertRefused("{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"entry\":[null]}", "/entry/0/resource",
                "Each entry needs a resource object.");
    }

    @Test
    void invalidJsonAnywhereIsRefusedBeforeAnythingElse() {
        String bundleStart = "{\"colour\":1,\"resourceType\":\"Device\",\"entry\":[" + DEVICE + ",";
        for (String body : List.of(bundleStart + "{", bundleStart + DEVICE + "],}", bundleStart + DEVICE + "]}}",
                bundleStart + DEVICE + "]} {}", "[1,", "{\"a\" 1}", "{\"a\":1,}")) {
            assertRefused(body, "", "The body is not valid JSON.");
        }
        byte[] notUtf8 = {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'};
        UnreadableFile e = assertThrows(UnreadableFile.class, () -> reader.read(new ByteArrayInputStream(notUtf8), ignore()));
        assertEquals("The body is not valid JSON.", e.getMessage());
    }

    @Test
    void aRepeatedEntryMemberCountsOnlyOnceAsInAJsonObject() throws Exception {
        List<String> seen = new ArrayList<>();
        reader.read(stream("{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"entry\":[" + device("A") + ",{\"resource\":1}],"
                + "\"entry\":[" + device("B") + "]}"), new FhirBundleReader.Entries() {
                    @Override
                    public void startOver() {
                        seen.add("start over");
                    }

                    @Override
                    public void entry(int index, JsonNode entry) {
                        seen.add(index + ":" + entry.path("resource").path("id").asText());
                    }
                });

        assertEquals(List.of("0:A", "start over", "0:B"), seen, "the bad entry of the first list no longer counts");
    }

    @Test
    void handsEachEntryOverAsSoonAsItIsReadNotAfterTheWholeFile() throws Exception {
        int count = 100_000;
        GeneratedBundle body = new GeneratedBundle(count);
        List<Long> bytesReadAt = new ArrayList<>();
        int[] entries = {0};
        reader.read(body, new FhirBundleReader.Entries() {
            @Override
            public void startOver() {
            }

            @Override
            public void entry(int index, JsonNode entry) {
                if (index == 0) {
                    bytesReadAt.add(body.produced);
                }
                assertEquals("D" + index, entry.path("resource").path("id").asText());
                entries[0]++;
            }
        });

        assertEquals(count, entries[0]);
        assertTrue(body.produced > 10_000_000, "the bundle was " + body.produced + " bytes");
        assertTrue(bytesReadAt.get(0) < 100_000, "the first entry came after " + bytesReadAt.get(0) + " bytes");
    }

    @Test
    void aFailureOfTheStreamItselfIsNotTakenForBadJson() {
        IllegalStateException failure = new IllegalStateException("too large");
        InputStream failing = new InputStream() {
            private int read;

            @Override
            public int read() {
                if (read++ > 20) {
                    throw failure;
                }
                return "{\"resourceType\":\"Bundle\",\"entry\":[".charAt(Math.min(read - 1, 30));
            }
        };
        assertSame(failure, assertThrows(IllegalStateException.class, () -> reader.read(failing, ignore())));
    }

    private void assertRefused(String body, String field, String message) {
        UnreadableFile e = refused(body);
        assertEquals(field, e.field(), body);
        assertEquals(message, e.getMessage(), body);
    }

    private UnreadableFile refused(String body) {
        return assertThrows(UnreadableFile.class, () -> read(body), body);
    }

    private List<JsonNode> read(String body) throws Exception {
        List<JsonNode> entries = new ArrayList<>();
        reader.read(stream(body), new FhirBundleReader.Entries() {
            @Override
            public void startOver() {
                entries.clear();
            }

            @Override
            public void entry(int index, JsonNode entry) {
                assertEquals(entries.size(), index);
                entries.add(entry);
            }
        });
        return entries;
    }

    private static FhirBundleReader.Entries ignore() {
        return new FhirBundleReader.Entries() {
            @Override
            public void startOver() {
            }

            @Override
            public void entry(int index, JsonNode entry) {
            }
        };
    }

    private static String device(String id) {
        return "{\"resource\":{\"resourceType\":\"Device\",\"id\":\"" + id + "\"}}";
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A published search-set Bundle with each {@code $ref} resource replaced by the example it names. */
    static String example(String bundleFile) throws IOException {
        JsonNode bundle = MAPPER.readTree(resource(bundleFile));
        for (JsonNode entry : bundle.path("entry")) {
            String ref = entry.path("resource").path("$ref").asText();
            ((ObjectNode) entry).set("resource", MAPPER.readTree(resource(ref)));
        }
        return MAPPER.writeValueAsString(bundle);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = FhirBundleReaderTest.class.getResourceAsStream(EXAMPLES + name)) {
            return in.readAllBytes();
        }
    }

    /** A bundle of {@code count} Device entries, made as it is read and never held whole. */
    private static final class GeneratedBundle extends InputStream {
        private final int count;
        private int next;
        private byte[] chunk = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[".getBytes(StandardCharsets.UTF_8);
        private int position;
        long produced;

        GeneratedBundle(int count) {
            this.count = count;
        }

        @Override
        public int read() {
            if (position == chunk.length) {
                if (next > count) {
                    return -1;
                }
                String text = next == count ? "]}" : (next == 0 ? "" : ",") + "{\"fullUrl\":\"urn:x\",\"resource\":"
                        + "{\"resourceType\":\"Device\",\"id\":\"D" + next + "\",\"identifier\":[{\"system\":"
                        + "\"https://fhir.nhs.uk/Id/nhsSpineASID\",\"value\":\"" + (200_000_000_000L + next) + "\"}],"
                        + "\"owner\":{\"identifier\":{\"system\":\"https://fhir.nhs.uk/Id/ods-organization-code\","
                        + "\"value\":\"RR8\"}}}}";
                chunk = text.getBytes(StandardCharsets.UTF_8);
                position = 0;
                next++;
            }
            produced++;
            return chunk[position++] & 0xFF;
        }
    }
}
