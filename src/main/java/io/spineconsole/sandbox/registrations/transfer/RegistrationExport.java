package io.spineconsole.sandbox.registrations.transfer;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spineconsole.api.Page;
import io.spineconsole.domain.registrations.Certificate;
import io.spineconsole.domain.registrations.RegistrationFileType;
import io.spineconsole.domain.registrations.RegistrationFilter;
import io.spineconsole.domain.registrations.Reliability;
import io.spineconsole.sandbox.outcome.Invalid;
import io.spineconsole.sandbox.paging.PageCursor;
import io.spineconsole.sandbox.registrations.Registrations;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Export of registrations as an SDS FHIR Bundle (Devices and Endpoints) or a CSV file of one record
 * type, written a page at a time as it is read, so memory stays flat at any size. What a CSV export
 * writes, a CSV import reads back unchanged.
 */
public final class RegistrationExport {
    /** The two formats: {@code fhir} and {@code csv}. */
    public static final List<String> FORMATS = List.of("fhir", "csv");
    private static final int PAGE = 500;

    private final Registrations stores;

    public RegistrationExport(Registrations stores) {
        this.stores = stores;
    }

    /** Refuses a format and type that do not go together, before anything is written. */
    public void check(String format, RegistrationFileType type) {
        if (format.equals("csv") && type == null) {
            throw Invalid.parameter("query.type", "REQUIRED", "A CSV export needs type=organisations, "
                    + "accredited-systems or endpoints.");
        }
        if (format.equals("fhir") && type == RegistrationFileType.ORGANISATIONS) {
            throw Invalid.parameter("query.type", "ENUM", "Organisations export as CSV only; SDS FHIR has "
                    + "Device (accredited-systems) and Endpoint (endpoints).");
        }
    }

    /** The name to save the export as: what it holds and when it was made. */
    public String fileName(String format, RegistrationFileType type) {
        String stamp = stores.context().clock().instant().toString().replace(":", "").substring(0, 15);
        return format.equals("csv") ? type.code() + "-" + stamp + ".csv" : "registrations-" + stamp + ".json";
    }

    /** Writes the accredited systems (Devices) and endpoints the filter selects, or those of {@code type} only. */
    public void writeBundle(OutputStream out, RegistrationFileType type, RegistrationFilter filter) throws IOException {
        ObjectMapper mapper = stores.context().mapper();
        try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("resourceType", "Bundle");
            g.writeStringField("type", "collection");
            g.writeStringField("timestamp", stores.context().clock().instant().toString());
            g.writeArrayFieldStart("entry");
            if (type == null || type == RegistrationFileType.ACCREDITED_SYSTEMS) {
                forEachPage(cursor -> stores.systems().search(filter.withSort("asid"), cursor, PAGE), s -> {
                    g.writeStartObject();
                    g.writeFieldName("resource");
                    mapper.writeTree(g, SdsFhirWriter.device(s));
                    g.writeEndObject();
                });
            }
            if (type == null || type == RegistrationFileType.ENDPOINTS) {
                forEachPage(cursor -> stores.endpoints().search(filter.withSort("party-key"), cursor, PAGE), e -> {
                    g.writeStartObject();
                    g.writeFieldName("resource");
                    mapper.writeTree(g, SdsFhirWriter.endpoint(e));
                    g.writeEndObject();
                });
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /** Writes the records of {@code type} the filter selects, with a header row, as UTF-8 CSV. */
    public void writeCsv(OutputStream out, RegistrationFileType type, RegistrationFilter filter) throws IOException {
        try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            List<String> header = new ArrayList<>(CsvRecords.columns(type));
            if (type == RegistrationFileType.ENDPOINTS) {
                header.add(0, "id");
            }
            header.add("status");
            w.write(Csv.line(header));
            switch (type) {
                case ORGANISATIONS -> forEachPage(cursor -> stores.organisations().search(filter.withSort("ods-code"),
                        cursor, PAGE), o -> w.write(Csv.line(List.of(o.odsCode(), o.name(), o.kind().code(),
                        nz(o.parentOdsCode()), nz(o.postcode()), o.status().code()))));
                case ACCREDITED_SYSTEMS -> forEachPage(cursor -> stores.systems().search(filter.withSort("asid"), cursor,
                        PAGE), s -> w.write(Csv.line(List.of(s.asid(), s.odsCode(), nz(s.name()), nz(s.manufacturerOdsCode()),
                        nz(s.productName()), nz(s.productVersion()), nz(s.partyKey()), String.join("|", s.interactions()),
                        s.status().code()))));
                case ENDPOINTS -> forEachPage(cursor -> stores.endpoints().search(filter.withSort("party-key"), cursor,
                        PAGE), e -> {
                    Reliability r = e.reliability();
                    Certificate cert = e.certificate();
                    w.write(Csv.line(Arrays.asList(e.id().toString(), e.partyKey(), e.odsCode(), nz(e.name()), e.url(),
                            e.fqdn(), e.cpaId(), String.join("|", e.interactions()), e.messagingPattern().code(),
                            r == null ? "" : String.valueOf(r.retries()), r == null ? "" : r.retryInterval(),
                            r == null ? "" : r.persistDuration(), r == null ? "" : r.ackRequested().code(),
                            r == null ? "" : r.duplicateElimination().code(), r == null ? "" : r.syncReplyMode().code(),
                            e.mhsActor() == null ? "" : e.mhsActor().code(), cert == null ? "" : cert.subject(),
                            cert == null ? "" : nz(cert.issuer()), cert == null ? "" : cert.serial(),
                            cert == null || cert.notBefore() == null ? "" : cert.notBefore().toString(),
                            cert == null ? "" : cert.notAfter().toString(), e.status().code())));
                });
                default -> throw new IllegalStateException("No CSV layout for " + type);
            }
        }
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    @FunctionalInterface
    private interface PageReader<T> {
        Page<T> read(PageCursor cursor);
    }

    @FunctionalInterface
    private interface RowWriter<T> {
        void write(T row) throws IOException;
    }

    private static <T> void forEachPage(PageReader<T> reader, RowWriter<T> writer) throws IOException {
        PageCursor cursor = null;
        do {
            Page<T> page = reader.read(cursor);
            for (T row : page.items()) {
                writer.write(row);
            }
            cursor = page.nextCursor() == null ? null : PageCursor.decode(page.nextCursor());
        } while (cursor != null);
    }
}
