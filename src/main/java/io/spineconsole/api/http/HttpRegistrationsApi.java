package io.spineconsole.api.http;

import com.fasterxml.jackson.databind.JavaType;
import io.spineconsole.api.Page;
import io.spineconsole.api.RegistrationsApi;
import io.spineconsole.domain.Coded;
import io.spineconsole.domain.messages.MessagingPattern;
import io.spineconsole.domain.registrations.RegistrationStatus;
import io.spineconsole.domain.registrations.AccreditedSystem;
import io.spineconsole.domain.registrations.AccreditedSystemCreate;
import io.spineconsole.domain.registrations.AccreditedSystemUpdate;
import io.spineconsole.domain.registrations.CheckReport;
import io.spineconsole.domain.registrations.CheckRequest;
import io.spineconsole.domain.registrations.ImportReport;
import io.spineconsole.domain.registrations.InteractionList;
import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.domain.registrations.MhsEndpointChange;
import io.spineconsole.domain.registrations.Organisation;
import io.spineconsole.domain.registrations.OrganisationCreate;
import io.spineconsole.domain.registrations.OrganisationUpdate;
import io.spineconsole.domain.registrations.RegistrationFileType;
import io.spineconsole.domain.registrations.RegistrationFilter;
import io.spineconsole.domain.registrations.RecordType;
import io.spineconsole.domain.registrations.TransitionRequest;
import io.spineconsole.domain.sds.DriftExpectation;
import io.spineconsole.domain.sds.DriftExpectationCreate;
import okhttp3.MediaType;

import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** {@link RegistrationsApi} over HTTP. */
final class HttpRegistrationsApi implements RegistrationsApi {
    private static final String BASE = "/api/v1/registrations";
    private static final MediaType FHIR = MediaType.get("application/fhir+json");
    private static final MediaType CSV = MediaType.get("text/csv; charset=utf-8");

    private final HttpTransport http;

    HttpRegistrationsApi(HttpTransport http) {
        this.http = http;
    }

    @Override
    public CompletableFuture<InteractionList> interactions(MessagingPattern pattern, String q) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("pattern", code(pattern));
        query.put("q", q);
        return http.get(BASE + "/interactions", query, InteractionList.class);
    }

    @Override
    public CompletableFuture<Page<Organisation>> organisations(RegistrationFilter filter, String cursor, int limit) {
        Map<String, Object> query = common(filter, cursor, limit);
        query.put("kind", code(filter.kind()));
        query.put("parent", filter.parent());
        return http.get(BASE + "/organisations", query, page(Organisation.class));
    }

    @Override
    public CompletableFuture<Organisation> organisation(String odsCode) {
        return http.get(BASE + "/organisations/" + odsCode, null, Organisation.class);
    }

    @Override
    public CompletableFuture<Organisation> createOrganisation(OrganisationCreate body) {
        return http.post(BASE + "/organisations", null, body, type(Organisation.class));
    }

    @Override
    public CompletableFuture<Organisation> updateOrganisation(String odsCode, long version, OrganisationUpdate body) {
        return http.send("PUT", BASE + "/organisations/" + odsCode, body, version, type(Organisation.class));
    }

    @Override
    public CompletableFuture<Void> deleteOrganisation(String odsCode, long version) {
        return http.send("DELETE", BASE + "/organisations/" + odsCode, null, version, type(Void.class));
    }

    @Override
    public CompletableFuture<Organisation> transitionOrganisation(String odsCode, long version, TransitionRequest body) {
        return transition(BASE + "/organisations/" + odsCode, version, body, Organisation.class);
    }

    @Override
    public CompletableFuture<Page<AccreditedSystem>> accreditedSystems(RegistrationFilter filter, String cursor, int limit) {
        Map<String, Object> query = common(filter, cursor, limit);
        query.put("ods", filter.ods());
        query.put("interaction", filter.interaction());
        query.put("partyKey", filter.partyKey());
        return http.get(BASE + "/accredited-systems", query, page(AccreditedSystem.class));
    }

    @Override
    public CompletableFuture<AccreditedSystem> accreditedSystem(String asid) {
        return http.get(BASE + "/accredited-systems/" + asid, null, AccreditedSystem.class);
    }

    @Override
    public CompletableFuture<AccreditedSystem> createAccreditedSystem(AccreditedSystemCreate body) {
        return http.post(BASE + "/accredited-systems", null, body, type(AccreditedSystem.class));
    }

    @Override
    public CompletableFuture<AccreditedSystem> updateAccreditedSystem(String asid, long version, AccreditedSystemUpdate body) {
        return http.send("PUT", BASE + "/accredited-systems/" + asid, body, version, type(AccreditedSystem.class));
    }

    @Override
    public CompletableFuture<Void> deleteAccreditedSystem(String asid, long version) {
        return http.send("DELETE", BASE + "/accredited-systems/" + asid, null, version, type(Void.class));
    }

    @Override
    public CompletableFuture<AccreditedSystem> transitionAccreditedSystem(String asid, long version, TransitionRequest body) {
        return transition(BASE + "/accredited-systems/" + asid, version, body, AccreditedSystem.class);
    }

    @Override
    public CompletableFuture<Page<MhsEndpoint>> endpoints(RegistrationFilter filter, String cursor, int limit) {
        return http.get(BASE + "/endpoints", endpointQuery(filter, common(filter, cursor, limit)), page(MhsEndpoint.class));
    }

    @Override
    public CompletableFuture<MhsEndpoint> endpoint(UUID id) {
        return http.get(BASE + "/endpoints/" + id, null, MhsEndpoint.class);
    }

    @Override
    public CompletableFuture<MhsEndpoint> createEndpoint(MhsEndpointChange body) {
        return http.post(BASE + "/endpoints", null, body, type(MhsEndpoint.class));
    }

    @Override
    public CompletableFuture<MhsEndpoint> updateEndpoint(UUID id, long version, MhsEndpointChange body) {
        return http.send("PUT", BASE + "/endpoints/" + id, body, version, type(MhsEndpoint.class));
    }

    @Override
    public CompletableFuture<Void> deleteEndpoint(UUID id, long version) {
        return http.send("DELETE", BASE + "/endpoints/" + id, null, version, type(Void.class));
    }

    @Override
    public CompletableFuture<MhsEndpoint> transitionEndpoint(UUID id, long version, TransitionRequest body) {
        return transition(BASE + "/endpoints/" + id, version, body, MhsEndpoint.class);
    }

    @Override
    public CompletableFuture<CheckReport> runChecks(CheckRequest request) {
        // Read-only POST: no Idempotency-Key needed, but one is harmless and makes the retry safe.
        return http.post(BASE + "/checks", null, request, type(CheckReport.class));
    }

    @Override
    public CompletableFuture<ImportReport> importFhir(byte[] bundle, boolean dryRun, boolean atomic, RegistrationStatus createAs,
                                                      boolean registerMissingOwners) {
        return importBody(bundle, FHIR, null, dryRun, atomic, createAs, registerMissingOwners);
    }

    @Override
    public CompletableFuture<ImportReport> importCsv(RegistrationFileType type, byte[] csv, boolean dryRun, boolean atomic,
                                                     RegistrationStatus createAs, boolean registerMissingOwners) {
        return importBody(csv, CSV, type, dryRun, atomic, createAs, registerMissingOwners);
    }

    @Override
    public CompletableFuture<Long> export(String format, RegistrationFileType type, RegistrationFilter filter,
                                          OutputStream target) {
        Map<String, Object> query = endpointQuery(filter, new LinkedHashMap<>());
        query.put("format", format);
        query.put("type", code(type));
        query.put("q", filter.q());
        query.put("status", filter.statuses().stream().map(Coded::code).toList());
        query.put("ods", filter.ods());
        query.put("interaction", filter.interaction());
        query.put("partyKey", filter.partyKey());
        query.put("kind", code(filter.kind()));
        query.put("parent", filter.parent());
        return http.download(BASE + "/export", query, target);
    }

    @Override
    public CompletableFuture<ImportReport> importFhirFile(java.nio.file.Path file, boolean dryRun, boolean atomic,
                                                          RegistrationStatus createAs, boolean registerMissingOwners,
                                                          java.util.function.LongConsumer sent) {
        Map<String, Object> query = importQuery(null, dryRun, atomic, createAs, registerMissingOwners);
        okhttp3.Request request = new okhttp3.Request.Builder().url(http.url(BASE + "/import", query))
                .post(new FileBody(file, FHIR, sent)).header("Accept", "application/json").build();
        return http.call(request, type(ImportReport.class), false);
    }

    /** A file sent as it is read, in 64 KiB pieces, saying how much has gone. */
    private static final class FileBody extends okhttp3.RequestBody {
        private final java.nio.file.Path file;
        private final MediaType type;
        private final java.util.function.LongConsumer sent;

        FileBody(java.nio.file.Path file, MediaType type, java.util.function.LongConsumer sent) {
            this.file = file;
            this.type = type;
            this.sent = sent;
        }

        @Override
        public MediaType contentType() {
            return type;
        }

        @Override
        public long contentLength() throws java.io.IOException {
            return java.nio.file.Files.size(file);
        }

        @Override
        public void writeTo(okio.BufferedSink sink) throws java.io.IOException {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    sink.write(buffer, 0, n);
                    total += n;
                    sent.accept(total);
                }
            }
        }
    }

    /** An import, made safe to retry by an Idempotency-Key (the same one when the same file is sent again unanswered). */
    private CompletableFuture<ImportReport> importBody(byte[] body, MediaType mediaType, RegistrationFileType type,
                                                       boolean dryRun, boolean atomic, RegistrationStatus createAs,
                                                       boolean registerMissingOwners) {
        return http.postBytes(BASE + "/import", importQuery(type, dryRun, atomic, createAs, registerMissingOwners), body,
                mediaType, type(ImportReport.class));
    }

    private static Map<String, Object> importQuery(RegistrationFileType type, boolean dryRun, boolean atomic,
                                                   RegistrationStatus createAs, boolean registerMissingOwners) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("dryRun", dryRun);
        query.put("atomic", atomic);
        query.put("type", code(type));
        query.put("status", code(createAs));
        if (registerMissingOwners) {
            query.put("registerMissingOwners", true);
        }
        return query;
    }

    /** A lifecycle action: guarded by If-Match and made safe to retry by an Idempotency-Key. */
    @Override
    public CompletableFuture<Page<DriftExpectation>> driftExpectations(RecordType type, String cursor, int limit) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("type", code(type));
        query.put("limit", limit);
        query.put("cursor", cursor);
        return http.get(BASE + "/drift-expectations", query, page(DriftExpectation.class));
    }

    @Override
    public CompletableFuture<DriftExpectation> markDriftExpected(DriftExpectationCreate body) {
        return http.post(BASE + "/drift-expectations", null, body, type(DriftExpectation.class));
    }

    @Override
    public CompletableFuture<Void> unmarkDriftExpected(UUID expectationId) {
        okhttp3.Request request = new okhttp3.Request.Builder().url(http.url(BASE + "/drift-expectations/" + expectationId,
                null)).delete().header("Accept", "application/json").build();
        return http.call(request, type(Void.class), false);
    }

    private <T> CompletableFuture<T> transition(String path, long version, TransitionRequest body, Class<T> type) {
        return http.guardedPost(path + "/transitions", body, version, type(type));
    }

    private static Map<String, Object> common(RegistrationFilter filter, String cursor, int limit) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("q", filter.q());
        query.put("status", filter.statuses().stream().map(Coded::code).toList());
        query.put("sort", filter.sort());
        query.put("limit", limit);
        query.put("cursor", cursor);
        return query;
    }

    private static Map<String, Object> endpointQuery(RegistrationFilter filter, Map<String, Object> query) {
        query.put("ods", filter.ods());
        query.put("partyKey", filter.partyKey());
        query.put("interaction", filter.interaction());
        query.put("pattern", code(filter.pattern()));
        query.put("certificateExpiringWithinDays", filter.certificateExpiringWithinDays());
        return query;
    }

    private static String code(Coded value) {
        return value == null ? null : value.code();
    }

    private JavaType type(Class<?> type) {
        return http.mapper().constructType(type);
    }

    private JavaType page(Class<?> item) {
        return http.types().constructParametricType(Page.class, item);
    }
}
