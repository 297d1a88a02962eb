package io.spineconsole.sandbox.migration;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.spineconsole.domain.ComponentState;
import io.spineconsole.domain.SiteKind;
import io.spineconsole.domain.migration.BurndownInterval;
import io.spineconsole.domain.migration.ChecklistItem;
import io.spineconsole.domain.migration.ChecklistItemCreate;
import io.spineconsole.domain.migration.Component;
import io.spineconsole.domain.migration.ComponentCreate;
import io.spineconsole.domain.migration.ComponentTransitionRequest;
import io.spineconsole.domain.migration.ComponentUpdate;
import io.spineconsole.domain.migration.RunbookStep;
import io.spineconsole.domain.migration.RunbookStepCreate;
import io.spineconsole.domain.migration.SignOffRequest;
import io.spineconsole.domain.migration.Site;
import io.spineconsole.domain.migration.SiteChecklist;
import io.spineconsole.domain.migration.SiteCreate;
import io.spineconsole.domain.migration.SiteStatus;
import io.spineconsole.domain.migration.SiteUpdate;
import io.spineconsole.domain.migration.Wave;
import io.spineconsole.domain.migration.WaveCreate;
import io.spineconsole.domain.migration.WaveUpdate;
import io.javalin.http.Context;
import io.spineconsole.sandbox.AuditStore;
import io.spineconsole.sandbox.SandboxContext;
import io.spineconsole.sandbox.http.Access;
import io.spineconsole.sandbox.http.ApiResponse;
import io.spineconsole.sandbox.http.Etags;
import io.spineconsole.sandbox.http.ProblemException;
import io.spineconsole.sandbox.http.QueryParams;
import io.spineconsole.sandbox.http.Requests;
import io.spineconsole.sandbox.http.RouteGroup;
import io.spineconsole.sandbox.http.Routes;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/** The migration area of the admin API: sites, checklists, components, runbooks, waves, burn-down. */
public final class MigrationRoutes implements RouteGroup {
    private static final String BASE = "/api/v1/migration";
    private final SiteStore sites;
    private final ComponentStore components;
    private final RunbookStore runbooks;
    private final WaveStore waves;
    private final ObjectMapper mapper;
    private final AuditStore audit;

    public MigrationRoutes(SandboxContext context) {
        this.audit = new AuditStore(context.sql(), context.mapper());
        this.sites = new SiteStore(context);
        this.components = new ComponentStore(context);
        this.runbooks = new RunbookStore(context);
        this.waves = new WaveStore(context);
        this.mapper = context.mapper();
    }

    @Override
    public void register(Routes routes) {
        registerSites(routes);
        registerComponents(routes);
        registerWaves(routes);
        registerHistories(routes);
    }

    private void registerSites(Routes routes) {
        String site = BASE + "/sites/{siteCode}";
        routes.get(BASE + "/sites", Access.VIEWER, (ctx, caller) -> {
            QueryParams q = QueryParams.of(ctx, "kind", "status", "q", "sort", "limit", "cursor");
            var search = new SiteStore.Search(q.coded("kind", SiteKind.class).orElse(null),
                    q.allCoded("status", SiteStatus.class), text(q, "q", 200), sort(q, SiteStore.SORTS),
                    q.integer("limit", 1, 500, 100), q.string("cursor").orElse(null));
            return ApiResponse.ok(sites.list(search));
        });
        routes.postIdempotent(BASE + "/sites", Access.ADMIN, (ctx, caller) -> {
            Site created = sites.create(caller, Requests.body(ctx, mapper, SiteCreate.class));
            return ApiResponse.created(created, BASE + "/sites/" + created.code()).etag(created.version());
        });
        routes.get(site, Access.VIEWER, (ctx, caller) -> {
            QueryParams.of(ctx);
            Site s = sites.get(Checks.sitePath(ctx));
            return ApiResponse.ok(s).etag(s.version());
        });
        routes.put(site, Access.ADMIN, (ctx, caller) -> {
            String code = Checks.sitePath(ctx);
            long version = Etags.requireIfMatch(ctx);
            Site s = sites.update(caller, code, version, Requests.body(ctx, mapper, SiteUpdate.class));
            return ApiResponse.ok(s).etag(s.version());
        });
        routes.get(site + "/readiness", Access.VIEWER, (ctx, caller) -> {
            QueryParams q = QueryParams.of(ctx, "days");
            return ApiResponse.ok(sites.readiness(Checks.sitePath(ctx), q.integer("days", 1, 365, 30)));
        });
        routes.get(site + "/checklist", Access.VIEWER, (ctx, caller) -> {
            QueryParams.of(ctx);
            SiteChecklist checklist = sites.checklist(Checks.sitePath(ctx));
            return ApiResponse.ok(checklist).etag(checklist.version());
        });
        routes.postIdempotent(site + "/checklist/items", Access.OPERATOR, (ctx, caller) -> {
            String code = Checks.sitePath(ctx);
            ChecklistItem item = sites.createItem(caller, code, Requests.body(ctx, mapper, ChecklistItemCreate.class));
            return ApiResponse.created(item, BASE + "/sites/" + code + "/checklist/items/" + item.key())
                    .etag(item.version());
        });
        routes.get(site + "/checklist/items/{itemKey}", Access.VIEWER, (ctx, caller) -> {
            QueryParams.of(ctx);
            ChecklistItem item = sites.item(Checks.sitePath(ctx), Checks.itemKeyPath(ctx));
            return ApiResponse.ok(item).etag(item.version());
        });
        routes.patch(site + "/checklist/items/{itemKey}", Access.OPERATOR, (ctx, caller) -> {
            String code = Checks.sitePath(ctx);
            String key = Checks.itemKeyPath(ctx);
            long version = Etags.requireIfMatch(ctx);
            MergePatch patch = MergePatch.read(ctx, mapper, "title", "owner", "done", "evidence");
            ChecklistItem item = sites.updateItem(caller, code, key, version, patch);
            return ApiResponse.ok(item).etag(item.version());
        });
        routes.postIdempotent(site + "/checklist/sign-off", Access.ADMIN, (ctx, caller) -> {
            String code = Checks.sitePath(ctx);
            long version = Etags.requireIfMatch(ctx);
            SiteChecklist checklist = sites.signOff(caller, code, version, Requests.body(ctx, mapper, SignOffRequest.class));
            return ApiResponse.ok(checklist).etag(checklist.version());
        });
    }

    private void registerHistories(Routes routes) {
        routes.get(BASE + "/sites/{siteCode}/history", Access.VIEWER, (ctx, caller) -> {
            String code = Checks.sitePath(ctx);
            return history(ctx, "site", code, () -> sites.get(code), AuditStore.Subject.record("site-checklist", code),
                    AuditStore.Subject.partsOf("checklist-item", code));
        });
        routes.get(BASE + "/components/{componentCode}/history", Access.VIEWER, (ctx, caller) -> {
            String code = Checks.componentPath(ctx);
            return history(ctx, "component", code, () -> components.get(code),
                    AuditStore.Subject.partsOf("runbook-step", code));
        });
    }

    /** A record's audit entries, newest first; they outlive the record, so 404 only when there never was one. */
    private ApiResponse history(Context ctx, String entityType, String entityId, Runnable findRecord,
                                AuditStore.Subject... parts) {
        AuditStore.Query query = AuditStore.history(ctx, entityType, entityId, parts);
        if (!audit.mentions(entityType, entityId)) {
            findRecord.run();
        }
        return ApiResponse.ok(audit.page(query));
    }

    private void registerComponents(Routes routes) {
        String component = BASE + "/components/{componentCode}";
        routes.get(BASE + "/components", Access.VIEWER, (ctx, caller) -> {
            QueryParams q = QueryParams.of(ctx, "state", "wave", "site", "owner", "q", "sort", "limit", "cursor");
            String site = q.string("site").orElse(null);
            if (site != null && !Checks.SITE_CODE.matcher(site).matches()) {
                throw Checks.invalidIdentifier("query.site", "'" + site + "' is not a site code such as DC-NORTH.");
            }
            var search = new ComponentStore.Search(q.allCoded("state", ComponentState.class),
                    q.string("wave").isPresent() ? q.integer("wave", 1, 999, 1) : null, site, text(q, "owner", 100),
                    text(q, "q", 200), sort(q, ComponentStore.SORTS), q.integer("limit", 1, 500, 100),
                    q.string("cursor").orElse(null));
            return ApiResponse.ok(components.list(search));
        });
        routes.postIdempotent(BASE + "/components", Access.ADMIN, (ctx, caller) -> {
            Component created = components.create(caller, Requests.body(ctx, mapper, ComponentCreate.class));
            return ApiResponse.created(created, BASE + "/components/" + created.code()).etag(created.version());
        });
        routes.get(component, Access.VIEWER, (ctx, caller) -> {
            QueryParams.of(ctx);
            Component c = components.get(Checks.componentPath(ctx));
            return ApiResponse.ok(c).etag(c.version());
        });
        routes.put(component, Access.ADMIN, (ctx, caller) -> {
            String code = Checks.componentPath(ctx);
            long version = Etags.requireIfMatch(ctx);
            Component c = components.update(caller, code, version, Requests.body(ctx, mapper, ComponentUpdate.class));
            return ApiResponse.ok(c).etag(c.version());
        });
        routes.postIdempotent(component + "/transitions", Access.OPERATOR, (ctx, caller) -> {
            String code = Checks.componentPath(ctx);
            long version = Etags.requireIfMatch(ctx);
            Component c = components.transition(caller, code, version,
                    Requests.body(ctx, mapper, ComponentTransitionRequest.class));
            return ApiResponse.ok(c).etag(c.version());
        });
        routes.get(component + "/runbook", Access.VIEWER, (ctx, caller) -> {
            QueryParams.of(ctx);
            return ApiResponse.ok(runbooks.runbook(Checks.componentPath(ctx)));
        });
        routes.postIdempotent(component + "/runbook", Access.OPERATOR, (ctx, caller) -> {
            String code = Checks.componentPath(ctx);
            RunbookStep step = runbooks.create(caller, code, Requests.body(ctx, mapper, RunbookStepCreate.class));
            return ApiResponse.created(step, BASE + "/components/" + code + "/runbook/" + step.id()).etag(step.version());
        });
        String step = component + "/runbook/{stepId}";
        routes.get(step, Access.VIEWER, (ctx, caller) -> {
            QueryParams.of(ctx);
            RunbookStep s = runbooks.get(Checks.componentPath(ctx), Checks.stepIdPath(ctx));
            return ApiResponse.ok(s).etag(s.version());
        });
        routes.patch(step, Access.OPERATOR, (ctx, caller) -> {
            String code = Checks.componentPath(ctx);
            long id = Checks.stepIdPath(ctx);
            long version = Etags.requireIfMatch(ctx);
            MergePatch patch = MergePatch.read(ctx, mapper, "seq", "phase", "title", "owner", "required", "status",
                    "evidence", "notes");
            RunbookStep s = runbooks.update(caller, code, id, version, patch);
            return ApiResponse.ok(s).etag(s.version());
        });
        routes.delete(step, Access.OPERATOR, (ctx, caller) -> {
            String code = Checks.componentPath(ctx);
            long id = Checks.stepIdPath(ctx);
            runbooks.delete(caller, code, id, Etags.requireIfMatch(ctx));
            return ApiResponse.noContent();
        });
        routes.get(BASE + "/dependencies", Access.VIEWER, (ctx, caller) -> {
            QueryParams.of(ctx);
            return ApiResponse.ok(components.graph());
        });
    }

    private void registerWaves(Routes routes) {
        routes.get(BASE + "/waves", Access.VIEWER, (ctx, caller) -> {
            QueryParams q = QueryParams.of(ctx, "limit", "cursor");
            return ApiResponse.ok(waves.list(q.integer("limit", 1, 500, 100), q.string("cursor").orElse(null)));
        });
        routes.postIdempotent(BASE + "/waves", Access.ADMIN, (ctx, caller) -> {
            Wave created = waves.create(caller, Requests.body(ctx, mapper, WaveCreate.class));
            return ApiResponse.created(created, BASE + "/waves/" + created.number()).etag(created.version());
        });
        routes.get(BASE + "/waves/{waveNumber}", Access.VIEWER, (ctx, caller) -> {
            QueryParams.of(ctx);
            Wave w = waves.get(Checks.wavePath(ctx));
            return ApiResponse.ok(w).etag(w.version());
        });
        routes.put(BASE + "/waves/{waveNumber}", Access.ADMIN, (ctx, caller) -> {
            int number = Checks.wavePath(ctx);
            long version = Etags.requireIfMatch(ctx);
            Wave w = waves.update(caller, number, version, Requests.body(ctx, mapper, WaveUpdate.class));
            return ApiResponse.ok(w).etag(w.version());
        });
        routes.get(BASE + "/burndown", Access.VIEWER, (ctx, caller) -> {
            QueryParams q = QueryParams.of(ctx, "from", "to", "interval");
            return ApiResponse.ok(waves.burndown(date(q, "from"), date(q, "to"),
                    q.coded("interval", BurndownInterval.class).orElse(BurndownInterval.WEEK)));
        });
    }

    private static String sort(QueryParams q, Map<String, Keyset> sorts) {
        String sort = q.string("sort").orElse("code");
        if (!sorts.containsKey(sort)) {
            throw ProblemException.badParameter("query.sort", "INVALID_VALUE", "'" + sort + "' is not a sort order here. "
                    + "Use one of: " + String.join(", ", new java.util.TreeSet<>(sorts.keySet())) + ".");
        }
        return sort;
    }

    private static String text(QueryParams q, String name, int max) {
        Optional<String> value = q.string(name);
        if (value.isPresent() && value.get().length() > max) {
            throw ProblemException.badParameter("query." + name, "TOO_LONG", "'" + name + "' must be at most " + max
                    + " characters.");
        }
        return value.orElse(null);
    }

    private static LocalDate date(QueryParams q, String name) {
        return q.string(name).map(text -> {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw ProblemException.badParameter("query." + name, "INVALID_DATE",
                        "'" + name + "' must be a date such as 2026-11-25.");
            }
        }).orElse(null);
    }

}
