package io.spineconsole.sandbox.http.migration;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.spineconsole.domain.migration.ComponentState;
import io.spineconsole.domain.migration.SiteKind;
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
import io.spineconsole.sandbox.AuditStore;
import io.spineconsole.sandbox.SandboxContext;
import io.spineconsole.sandbox.http.Access;
import io.spineconsole.sandbox.http.ApiResponse;
import io.spineconsole.sandbox.http.AuditQueries;
import io.spineconsole.sandbox.http.Etags;
import io.spineconsole.sandbox.http.QueryParams;
import io.spineconsole.sandbox.http.Requests;
import io.spineconsole.sandbox.http.RouteGroup;
import io.spineconsole.sandbox.http.Routes;
import io.spineconsole.sandbox.migration.ComponentStore;
import io.spineconsole.sandbox.migration.MergePatch;
import io.spineconsole.sandbox.migration.RunbookStore;
import io.spineconsole.sandbox.migration.SiteStore;
import io.spineconsole.sandbox.migration.WaveStore;
import io.spineconsole.sandbox.outcome.Version;

import static io.spineconsole.sandbox.http.Callers.actor;
import static io.spineconsole.sandbox.http.migration.MergePatches.bool;
import static io.spineconsole.sandbox.http.migration.MergePatches.code;
import static io.spineconsole.sandbox.http.migration.MergePatches.text;
import static io.spineconsole.sandbox.http.migration.MergePatches.wholeNumber;

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
                    q.allCoded("status", SiteStatus.class), MigrationParams.text(q, "q", 200), MigrationParams.sort(q, SiteStore.sorts()),
                    q.integer("limit", 1, 500, 100), q.cursor());
            return ApiResponse.ok(sites.list(search));
        });
        routes.postIdempotent(BASE + "/sites", Access.ADMIN, (ctx, caller) -> {
            Site created = sites.create(actor(ctx), Requests.body(ctx, mapper, SiteCreate.class));
            return ApiResponse.created(created, BASE + "/sites/" + created.code()).etag(created.version());
        });
        routes.get(site, Access.VIEWER, (ctx, caller) -> {
            QueryParams.of(ctx);
            Site s = sites.get(MigrationParams.site(ctx));
            return ApiResponse.ok(s).etag(s.version());
        });
        routes.put(site, Access.ADMIN, (ctx, caller) -> {
            String code = MigrationParams.site(ctx);
            Version version = Etags.ifMatch(ctx);
            Site s = sites.update(actor(ctx), code, version, Requests.body(ctx, mapper, SiteUpdate.class));
            return ApiResponse.ok(s).etag(s.version());
        });
        routes.get(site + "/readiness", Access.VIEWER, (ctx, caller) -> {
            QueryParams q = QueryParams.of(ctx, "days");
            return ApiResponse.ok(sites.readiness(MigrationParams.site(ctx), q.integer("days", 1, 365, 30)));
        });
        routes.get(site + "/checklist", Access.VIEWER, (ctx, caller) -> {
            QueryParams.of(ctx);
            SiteChecklist checklist = sites.checklist(MigrationParams.site(ctx));
            return ApiResponse.ok(checklist).etag(checklist.version());
        });
        routes.postIdempotent(site + "/checklist/items", Access.OPERATOR, (ctx, caller) -> {
            String code = MigrationParams.site(ctx);
            ChecklistItem item = sites.createItem(actor(ctx), code, Requests.body(ctx, mapper, ChecklistItemCreate.class));
            return ApiResponse.created(item, BASE + "/sites/" + code + "/checklist/items/" + item.key())
                    .etag(item.version());
        });
        routes.get(site + "/checklist/items/{itemKey}", Access.VIEWER, (ctx, caller) -> {
            QueryParams.of(ctx);
            ChecklistItem item = sites.item(MigrationParams.site(ctx), MigrationParams.itemKey(ctx));
            return ApiResponse.ok(item).etag(item.version());
        });
        routes.patch(site + "/checklist/items/{itemKey}", Access.OPERATOR, (ctx, caller) -> {
            String code = MigrationParams.site(ctx);
            String key = MigrationParams.itemKey(ctx);
            Version version = Etags.ifMatch(ctx);
            MergePatch patch = MergePatches.read(ctx, mapper, text("title"), text("owner"), bool("done"),
                    text("evidence"));
            ChecklistItem item = sites.updateItem(actor(ctx), code, key, version, patch);
            return ApiResponse.ok(item).etag(item.version());
        });
        routes.postIdempotent(site + "/checklist/sign-off", Access.ADMIN, (ctx, caller) -> {
            String code = MigrationParams.site(ctx);
            Version version = Etags.ifMatch(ctx);
            SiteChecklist checklist = sites.signOff(actor(ctx), code, version,
                    Requests.body(ctx, mapper, SignOffRequest.class));
            return ApiResponse.ok(checklist).etag(checklist.version());
        });
    }

    private void registerHistories(Routes routes) {
        routes.get(BASE + "/sites/{siteCode}/history", Access.VIEWER, (ctx, caller) -> {
            String code = MigrationParams.site(ctx);
            return AuditQueries.history(ctx, audit, "site", code, () -> sites.get(code),
                    AuditStore.Subject.record("site-checklist", code), AuditStore.Subject.partsOf("checklist-item", code));
        });
        routes.get(BASE + "/components/{componentCode}/history", Access.VIEWER, (ctx, caller) -> {
            String code = MigrationParams.component(ctx);
            return AuditQueries.history(ctx, audit, "component", code, () -> components.get(code),
                    AuditStore.Subject.partsOf("runbook-step", code));
        });
    }

    private void registerComponents(Routes routes) {
        String component = BASE + "/components/{componentCode}";
        routes.get(BASE + "/components", Access.VIEWER, (ctx, caller) -> {
            QueryParams q = QueryParams.of(ctx, "state", "wave", "site", "owner", "q", "sort", "limit", "cursor");
            String site = MigrationParams.siteQuery(q);
            var search = new ComponentStore.Search(q.allCoded("state", ComponentState.class),
                    q.string("wave").isPresent() ? q.integer("wave", 1, 999, 1) : null, site, MigrationParams.text(q, "owner", 100),
                    MigrationParams.text(q, "q", 200), MigrationParams.sort(q, ComponentStore.sorts()), q.integer("limit", 1, 500, 100),
                    q.cursor());
            return ApiResponse.ok(components.list(search));
        });
        routes.postIdempotent(BASE + "/components", Access.ADMIN, (ctx, caller) -> {
            Component created = components.create(actor(ctx), Requests.body(ctx, mapper, ComponentCreate.class));
            return ApiResponse.created(created, BASE + "/components/" + created.code()).etag(created.version());
        });
        routes.get(component, Access.VIEWER, (ctx, caller) -> {
            QueryParams.of(ctx);
            Component c = components.get(MigrationParams.component(ctx));
            return ApiResponse.ok(c).etag(c.version());
        });
        routes.put(component, Access.ADMIN, (ctx, caller) -> {
            String code = MigrationParams.component(ctx);
            Version version = Etags.ifMatch(ctx);
            Component c = components.update(actor(ctx), code, version, Requests.body(ctx, mapper, ComponentUpdate.class));
            return ApiResponse.ok(c).etag(c.version());
        });
        routes.postIdempotent(component + "/transitions", Access.OPERATOR, (ctx, caller) -> {
            String code = MigrationParams.component(ctx);
            Version version = Etags.ifMatch(ctx);
            Component c = components.transition(actor(ctx), code, version,
                    Requests.body(ctx, mapper, ComponentTransitionRequest.class));
            return ApiResponse.ok(c).etag(c.version());
        });
        routes.get(component + "/runbook", Access.VIEWER, (ctx, caller) -> {
            QueryParams.of(ctx);
            return ApiResponse.ok(runbooks.runbook(MigrationParams.component(ctx)));
        });
        routes.postIdempotent(component + "/runbook", Access.OPERATOR, (ctx, caller) -> {
            String code = MigrationParams.component(ctx);
            RunbookStep step = runbooks.create(actor(ctx), code, Requests.body(ctx, mapper, RunbookStepCreate.class));
            return ApiResponse.created(step, BASE + "/components/" + code + "/runbook/" + step.id()).etag(step.version());
        });
        String step = component + "/runbook/{stepId}";
        routes.get(step, Access.VIEWER, (ctx, caller) -> {
            QueryParams.of(ctx);
            RunbookStep s = runbooks.get(MigrationParams.component(ctx), MigrationParams.stepId(ctx));
            return ApiResponse.ok(s).etag(s.version());
        });
        routes.patch(step, Access.OPERATOR, (ctx, caller) -> {
            String code = MigrationParams.component(ctx);
            long id = MigrationParams.stepId(ctx);
            Version version = Etags.ifMatch(ctx);
            MergePatch patch = MergePatches.read(ctx, mapper, wholeNumber("seq"), code("phase"), text("title"),
                    text("owner"), bool("required"), code("status"), text("evidence"), text("notes"));
            RunbookStep s = runbooks.update(actor(ctx), code, id, version, patch);
            return ApiResponse.ok(s).etag(s.version());
        });
        routes.delete(step, Access.OPERATOR, (ctx, caller) -> {
            String code = MigrationParams.component(ctx);
            long id = MigrationParams.stepId(ctx);
            runbooks.delete(actor(ctx), code, id, Etags.ifMatch(ctx));
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
            return ApiResponse.ok(waves.list(q.integer("limit", 1, 500, 100), q.cursor()));
        });
        routes.postIdempotent(BASE + "/waves", Access.ADMIN, (ctx, caller) -> {
            Wave created = waves.create(actor(ctx), Requests.body(ctx, mapper, WaveCreate.class));
            return ApiResponse.created(created, BASE + "/waves/" + created.number()).etag(created.version());
        });
        routes.get(BASE + "/waves/{waveNumber}", Access.VIEWER, (ctx, caller) -> {
            QueryParams.of(ctx);
            Wave w = waves.get(MigrationParams.wave(ctx));
            return ApiResponse.ok(w).etag(w.version());
        });
        routes.put(BASE + "/waves/{waveNumber}", Access.ADMIN, (ctx, caller) -> {
            int number = MigrationParams.wave(ctx);
            Version version = Etags.ifMatch(ctx);
            Wave w = waves.update(actor(ctx), number, version, Requests.body(ctx, mapper, WaveUpdate.class));
            return ApiResponse.ok(w).etag(w.version());
        });
        routes.get(BASE + "/burndown", Access.VIEWER, (ctx, caller) -> {
            QueryParams q = QueryParams.of(ctx, "from", "to", "interval");
            return ApiResponse.ok(waves.burndown(MigrationParams.date(q, "from"), MigrationParams.date(q, "to"),
                    q.coded("interval", BurndownInterval.class).orElse(BurndownInterval.WEEK)));
        });
    }
}
