package io.spineconsole.sandbox.http.registrations;

import io.javalin.http.Context;
import io.spineconsole.domain.Identifiers;
import io.spineconsole.domain.messages.MessagingPattern;
import io.spineconsole.domain.registrations.RegistrationStatus;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.registrations.AccreditedSystem;
import io.spineconsole.domain.registrations.AccreditedSystemCreate;
import io.spineconsole.domain.registrations.AccreditedSystemUpdate;
import io.spineconsole.domain.registrations.CheckRequest;
import io.spineconsole.domain.registrations.Interaction;
import io.spineconsole.domain.registrations.InteractionList;
import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.domain.registrations.MhsEndpointChange;
import io.spineconsole.domain.registrations.Organisation;
import io.spineconsole.domain.registrations.OrganisationCreate;
import io.spineconsole.domain.registrations.OrganisationKind;
import io.spineconsole.domain.registrations.OrganisationUpdate;
import io.spineconsole.domain.registrations.RegistrationFileType;
import io.spineconsole.domain.registrations.RegistrationFilter;
import io.spineconsole.domain.registrations.TransitionRequest;
import io.spineconsole.sandbox.AuditStore;
import io.spineconsole.sandbox.SandboxContext;
import io.spineconsole.sandbox.outcome.RuleWords;
import io.spineconsole.sandbox.http.Access;
import io.spineconsole.sandbox.http.AuditQueries;
import static io.spineconsole.sandbox.http.Callers.actor;
import io.spineconsole.sandbox.http.ApiResponse;
import io.spineconsole.sandbox.http.Etags;
import io.spineconsole.sandbox.http.Idempotency;
import io.spineconsole.sandbox.http.ProblemException;
import io.spineconsole.sandbox.http.QueryParams;
import io.spineconsole.sandbox.http.Requests;
import io.spineconsole.sandbox.http.RouteGroup;
import io.spineconsole.sandbox.http.Routes;
import io.spineconsole.sandbox.outcome.Version;
import io.spineconsole.sandbox.registrations.EndpointStore;
import io.spineconsole.sandbox.registrations.OrganisationStore;
import io.spineconsole.sandbox.registrations.Registrations;
import io.spineconsole.sandbox.registrations.SystemStore;
import io.spineconsole.sandbox.registrations.checks.RegistrationChecks;
import io.spineconsole.sandbox.registrations.transfer.RegistrationExport;
import io.spineconsole.sandbox.registrations.transfer.RegistrationImport;
import io.spineconsole.sandbox.registrations.transfer.UnreadableFile;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The registrations area of the admin API: organisations, accredited systems, endpoints, checks,
 * import, export. Reads each request (path, query, If-Match, body) into the typed inputs the stores
 * take; what the stores answer or refuse becomes HTTP in one place ({@code OutcomeProblems}).
 */
public final class RegistrationRoutes implements RouteGroup {
    private static final String BASE = "/api/v1/registrations";

    private final SandboxContext context;
    private final OrganisationStore organisations;
    private final SystemStore systems;
    private final EndpointStore endpoints;
    private final RegistrationChecks checks;
    private final RegistrationImport imports;
    private final RegistrationExport exports;
    private final AuditStore audit;

    public RegistrationRoutes(SandboxContext context) {
        this.context = context;
        this.audit = new AuditStore(context.sql(), context.mapper());
        Registrations registrations = new Registrations(context);
        this.organisations = registrations.organisations();
        this.systems = registrations.systems();
        this.endpoints = registrations.endpoints();
        this.checks = new RegistrationChecks(context);
        this.imports = new RegistrationImport(registrations);
        this.exports = new RegistrationExport(registrations);
    }

    @Override
    public void register(Routes routes) {
        routes.get(BASE + "/interactions", Access.VIEWER, (ctx, caller) -> ApiResponse.ok(interactions(ctx)));
        organisationRoutes(routes);
        systemRoutes(routes);
        endpointRoutes(routes);

        routes.post(BASE + "/checks", Access.VIEWER, (ctx, caller) -> {
            QueryParams.of(ctx);
            return ApiResponse.ok(checks.run(Requests.body(ctx, context.mapper(), CheckRequest.class)));
        });

        routes.postIdempotentWithQuery(BASE + "/import", Access.OPERATOR, (ctx, caller) -> {
            QueryParams p = QueryParams.of(ctx, "dryRun", "type", "status", "atomic", "registerMissingOwners");
            boolean dryRun = p.bool("dryRun").orElse(false);
            if (!dryRun && caller.role() != Role.ADMIN) {
                throw new ProblemException(403, "ACCESS_DENIED", "Access denied",
                        "Only an admin may import for real; an operator may run the import with dryRun=true.");
            }
            RegistrationStatus status = p.coded("status", RegistrationStatus.class).orElse(RegistrationStatus.REQUESTED);
            if (status != RegistrationStatus.REQUESTED && status != RegistrationStatus.APPROVED
                    && status != RegistrationStatus.ACTIVE) {
                throw ProblemException.badParameter("query.status", "ENUM",
                        "Imported records can be created as requested, approved or active.");
            }
            RegistrationFileType type = p.coded("type", RegistrationFileType.class).orElse(null);
            RegistrationImport.Options options = new RegistrationImport.Options(dryRun, p.bool("atomic").orElse(true), status,
                    p.bool("registerMissingOwners").orElse(false));
            String media = ctx.contentType() == null ? "" : ctx.contentType().split(";")[0].trim().toLowerCase(Locale.ROOT);
            boolean fhir = media.equals("application/fhir+json") || media.equals("application/json");
            if (!fhir && !media.equals("text/csv")) {
                throw new ProblemException(415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported media type",
                        "Send an SDS FHIR Bundle as application/fhir+json (or application/json), or a CSV file as text/csv.");
            }
            if (!fhir && type == null) {
                throw ProblemException.badParameter("query.type", "REQUIRED",
                        "A CSV import needs type=organisations, accredited-systems or endpoints.");
            }
            try (InputStream body = importBody(ctx)) {
                return ApiResponse.ok(fhir ? imports.fhir(actor(ctx), body, options) : imports.csv(actor(ctx), type, body, options));
            } catch (UnreadableFile e) {
                throw new ProblemException(400, "INVALID_REQUEST_BODY", "Invalid request body", e.getMessage(),
                        List.of(new ProblemException.FieldProblem(e.field(), "INVALID_BODY", e.getMessage())), null);
            }
        });

        routes.raw().get(BASE + "/export", ctx -> {
            QueryParams p = QueryParams.of(ctx, "format", "type", "q", "status", "ods", "interaction", "pattern",
                    "partyKey", "certificateExpiringWithinDays", "kind", "parent");
            String format = p.string("format").orElse("fhir");
            if (!RegistrationExport.FORMATS.contains(format)) {
                throw ProblemException.badParameter("query.format", "ENUM", "format is fhir or csv.");
            }
            RegistrationFileType type = p.coded("type", RegistrationFileType.class).orElse(null);
            RegistrationFilter filter = filter(p);
            exports.check(format, type);
            ctx.status(200);
            ctx.header("Content-Disposition", "attachment; filename=\"" + exports.fileName(format, type) + "\"");
            if (format.equals("csv")) {
                ctx.contentType("text/csv; charset=utf-8");
                exports.writeCsv(ctx.outputStream(), type, filter);
            } else {
                ctx.contentType("application/fhir+json");
                exports.writeBundle(ctx.outputStream(), type, filter);
            }
        }, Access.VIEWER);
    }

    private void organisationRoutes(Routes routes) {
        routes.get(BASE + "/organisations", Access.VIEWER, (ctx, caller) -> {
            QueryParams p = QueryParams.of(ctx, "q", "status", "kind", "parent", "sort", "limit", "cursor");
            RegistrationFilter filter = filter(p);
            int limit = limit(p);
            organisations.checkSort(filter.sort());
            return ApiResponse.ok(organisations.search(filter, p.cursor(), limit));
        });
        routes.postIdempotent(BASE + "/organisations", Access.ADMIN, (ctx, caller) -> {
            Organisation created = organisations.create(actor(ctx), Requests.body(ctx, context.mapper(), OrganisationCreate.class));
            return ApiResponse.created(created, BASE + "/organisations/" + created.odsCode()).etag(created.version());
        });
        routes.get(BASE + "/organisations/{odsCode}", Access.VIEWER, (ctx, caller) -> {
            QueryParams.of(ctx);
            Organisation o = organisations.get(odsCode(ctx));
            return ApiResponse.ok(o).etag(o.version());
        });
        routes.put(BASE + "/organisations/{odsCode}", Access.ADMIN, (ctx, caller) -> {
            String ods = odsCode(ctx);
            Version version = Etags.ifMatch(ctx);
            Organisation o = organisations.update(actor(ctx), ods, version,
                    Requests.body(ctx, context.mapper(), OrganisationUpdate.class));
            return ApiResponse.ok(o).etag(o.version());
        });
        routes.delete(BASE + "/organisations/{odsCode}", Access.ADMIN, (ctx, caller) -> {
            String ods = odsCode(ctx);
            organisations.delete(actor(ctx), ods, Etags.ifMatch(ctx));
            return ApiResponse.noContent();
        });
        routes.postIdempotent(BASE + "/organisations/{odsCode}/transitions", Access.ADMIN, (ctx, caller) -> {
            String ods = odsCode(ctx);
            Version version = Etags.ifMatch(ctx);
            Organisation o = organisations.transition(actor(ctx), ods, version, transition(ctx));
            return ApiResponse.ok(o).etag(o.version());
        });
        routes.get(BASE + "/organisations/{odsCode}/history", Access.VIEWER, (ctx, caller) -> {
            String ods = odsCode(ctx);
            return AuditQueries.history(ctx, audit, "organisation", ods, () -> organisations.get(ods));
        });
    }

    private void systemRoutes(Routes routes) {
        routes.get(BASE + "/accredited-systems", Access.VIEWER, (ctx, caller) -> {
            QueryParams p = QueryParams.of(ctx, "q", "status", "ods", "interaction", "partyKey", "sort", "limit", "cursor");
            RegistrationFilter filter = filter(p);
            int limit = limit(p);
            systems.checkSort(filter.sort());
            return ApiResponse.ok(systems.search(filter, p.cursor(), limit));
        });
        routes.postIdempotent(BASE + "/accredited-systems", Access.ADMIN, (ctx, caller) -> {
            AccreditedSystem created = systems.create(actor(ctx), Requests.body(ctx, context.mapper(), AccreditedSystemCreate.class));
            return ApiResponse.created(created, BASE + "/accredited-systems/" + created.asid()).etag(created.version());
        });
        routes.get(BASE + "/accredited-systems/{asid}", Access.VIEWER, (ctx, caller) -> {
            QueryParams.of(ctx);
            AccreditedSystem s = systems.get(asid(ctx));
            return ApiResponse.ok(s).etag(s.version());
        });
        routes.put(BASE + "/accredited-systems/{asid}", Access.ADMIN, (ctx, caller) -> {
            String asid = asid(ctx);
            Version version = Etags.ifMatch(ctx);
            AccreditedSystem s = systems.update(actor(ctx), asid, version,
                    Requests.body(ctx, context.mapper(), AccreditedSystemUpdate.class));
            return ApiResponse.ok(s).etag(s.version());
        });
        routes.delete(BASE + "/accredited-systems/{asid}", Access.ADMIN, (ctx, caller) -> {
            String asid = asid(ctx);
            systems.delete(actor(ctx), asid, Etags.ifMatch(ctx));
            return ApiResponse.noContent();
        });
        routes.postIdempotent(BASE + "/accredited-systems/{asid}/transitions", Access.ADMIN, (ctx, caller) -> {
            String asid = asid(ctx);
            Version version = Etags.ifMatch(ctx);
            AccreditedSystem s = systems.transition(actor(ctx), asid, version, transition(ctx));
            return ApiResponse.ok(s).etag(s.version());
        });
        routes.get(BASE + "/accredited-systems/{asid}/history", Access.VIEWER, (ctx, caller) -> {
            String asid = asid(ctx);
            return AuditQueries.history(ctx, audit, "accredited-system", asid, () -> systems.get(asid));
        });
    }

    private void endpointRoutes(Routes routes) {
        routes.get(BASE + "/endpoints", Access.VIEWER, (ctx, caller) -> {
            QueryParams p = QueryParams.of(ctx, "q", "status", "ods", "partyKey", "interaction", "pattern",
                    "certificateExpiringWithinDays", "sort", "limit", "cursor");
            RegistrationFilter filter = filter(p);
            int limit = limit(p);
            endpoints.checkSort(filter.sort());
            return ApiResponse.ok(endpoints.search(filter, p.cursor(), limit));
        });
        routes.postIdempotent(BASE + "/endpoints", Access.ADMIN, (ctx, caller) -> {
            MhsEndpoint created = endpoints.create(actor(ctx), Requests.body(ctx, context.mapper(), MhsEndpointChange.class));
            return ApiResponse.created(created, BASE + "/endpoints/" + created.id()).etag(created.version());
        });
        routes.get(BASE + "/endpoints/{endpointId}", Access.VIEWER, (ctx, caller) -> {
            QueryParams.of(ctx);
            MhsEndpoint e = endpoints.get(endpointId(ctx));
            return ApiResponse.ok(e).etag(e.version());
        });
        routes.put(BASE + "/endpoints/{endpointId}", Access.ADMIN, (ctx, caller) -> {
            UUID id = endpointId(ctx);
            Version version = Etags.ifMatch(ctx);
            MhsEndpoint e = endpoints.update(actor(ctx), id, version, Requests.body(ctx, context.mapper(), MhsEndpointChange.class));
            return ApiResponse.ok(e).etag(e.version());
        });
        routes.delete(BASE + "/endpoints/{endpointId}", Access.ADMIN, (ctx, caller) -> {
            UUID id = endpointId(ctx);
            endpoints.delete(actor(ctx), id, Etags.ifMatch(ctx));
            return ApiResponse.noContent();
        });
        routes.postIdempotent(BASE + "/endpoints/{endpointId}/transitions", Access.ADMIN, (ctx, caller) -> {
            UUID id = endpointId(ctx);
            Version version = Etags.ifMatch(ctx);
            MhsEndpoint e = endpoints.transition(actor(ctx), id, version, transition(ctx));
            return ApiResponse.ok(e).etag(e.version());
        });
        routes.get(BASE + "/endpoints/{endpointId}/history", Access.VIEWER, (ctx, caller) -> {
            UUID id = endpointId(ctx);
            return AuditQueries.history(ctx, audit, "endpoint", id.toString(), () -> endpoints.get(id));
        });
    }

    /**
     * The import's body as a stream, read as it arrives and refused past the import's limit; when the
     * idempotency check has already read it (a request with an Idempotency-Key), from what it read.
     */
    private static InputStream importBody(Context ctx) {
        if (ctx.header(Idempotency.HEADER) != null) {
            return new ByteArrayInputStream(ctx.bodyAsBytes());
        }
        return new LimitedInputStream(ctx.bodyInputStream(), Requests.MAX_STREAMED_IMPORT_BYTES);
    }

    private InteractionList interactions(Context ctx) {
        QueryParams p = QueryParams.of(ctx, "pattern", "q");
        Optional<MessagingPattern> pattern = p.coded("pattern", MessagingPattern.class);
        Optional<String> q = p.string("q").map(s -> s.toLowerCase(Locale.ROOT));
        if (q.isPresent() && q.get().length() > 200) {
            throw ProblemException.badParameter("query.q", "TOO_LONG", "Search text is at most 200 characters.");
        }
        return new InteractionList(context.interactions().all().stream()
                .filter(i -> pattern.isEmpty() || i.pattern() == pattern.get())
                .filter(i -> q.isEmpty() || i.id().toLowerCase(Locale.ROOT).contains(q.get())
                        || i.title().toLowerCase(Locale.ROOT).contains(q.get()))
                .map(i -> new Interaction(i.id(), i.service(), i.name(), i.pattern(), i.title())).toList());
    }

    /** The filters every list shares; each route has already refused parameters it does not define. */
    static RegistrationFilter filter(QueryParams p) {
        List<RegistrationStatus> statuses = p.allCoded("status", RegistrationStatus.class);
        if (statuses.size() > 5 || statuses.stream().distinct().count() != statuses.size()) {
            throw ProblemException.badParameter("query.status", "FORMAT", "Give each status at most once.");
        }
        Optional<String> q = p.string("q");
        if (q.isPresent() && q.get().length() > 200) {
            throw ProblemException.badParameter("query.q", "TOO_LONG", "Search text is at most 200 characters.");
        }
        String ods = identifier(p, "ods", RuleWords.sentences(Identifiers::checkOdsCode));
        String parent = identifier(p, "parent", RuleWords.sentences(Identifiers::checkOdsCode));
        String partyKey = identifier(p, "partyKey", RuleWords.sentences(Identifiers::checkPartyKey));
        String interaction = identifier(p, "interaction", RuleWords.sentences(Identifiers::checkInteractionId));
        Integer expiring = p.string("certificateExpiringWithinDays").isPresent()
                ? p.integer("certificateExpiringWithinDays", 0, 3650, 0) : null;
        return new RegistrationFilter(q.orElse(null), statuses, ods, p.coded("kind", OrganisationKind.class).orElse(null),
                parent, interaction, p.coded("pattern", MessagingPattern.class).orElse(null), partyKey, expiring,
                p.string("sort").orElse(null));
    }

    private static int limit(QueryParams p) {
        return p.integer("limit", 1, 500, 100);
    }

    private static String identifier(QueryParams p, String name, Function<String, Optional<String>> rule) {
        Optional<String> value = p.string(name);
        value.flatMap(rule).ifPresent(problem -> {
            throw invalidIdentifier("query." + name, problem);
        });
        return value.orElse(null);
    }

    private TransitionRequest transition(Context ctx) {
        return Requests.body(ctx, context.mapper(), TransitionRequest.class);
    }

    static String odsCode(Context ctx) {
        String value = ctx.pathParam("odsCode");
        Identifiers.checkOdsCode(value).ifPresent(problem -> {
            throw invalidIdentifier("path.odsCode", RuleWords.of(problem));
        });
        return value;
    }

    static String asid(Context ctx) {
        String value = ctx.pathParam("asid");
        Identifiers.checkAsid(value).ifPresent(problem -> {
            throw invalidIdentifier("path.asid", RuleWords.of(problem));
        });
        return value;
    }

    static UUID endpointId(Context ctx) {
        String value = ctx.pathParam("endpointId");
        try {
            if (value.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw invalidIdentifier("path.endpointId", "An endpoint id is a UUID, for example 6f1c1e0a-8a6b-4a4e-9d2f-3b7c2f9e0b11.");
        }
    }

    private static ProblemException invalidIdentifier(String field, String message) {
        return new ProblemException(400, "INVALID_IDENTIFIER_VALUE", "Invalid identifier value", message,
                List.of(new ProblemException.FieldProblem(field, "PATTERN", message)), null);
    }
}
