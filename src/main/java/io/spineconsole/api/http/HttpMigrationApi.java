package io.spineconsole.api.http;

import com.fasterxml.jackson.databind.JavaType;
import io.spineconsole.api.MigrationApi;
import io.spineconsole.api.Page;
import io.spineconsole.domain.Coded;
import io.spineconsole.domain.migration.Burndown;
import io.spineconsole.domain.migration.BurndownInterval;
import io.spineconsole.domain.migration.ChecklistItem;
import io.spineconsole.domain.migration.ChecklistItemCreate;
import io.spineconsole.domain.migration.ChecklistItemPatch;
import io.spineconsole.domain.migration.Component;
import io.spineconsole.domain.migration.ComponentCreate;
import io.spineconsole.domain.migration.ComponentQuery;
import io.spineconsole.domain.migration.ComponentTransitionRequest;
import io.spineconsole.domain.migration.ComponentUpdate;
import io.spineconsole.domain.migration.DependencyGraph;
import io.spineconsole.domain.migration.Runbook;
import io.spineconsole.domain.migration.RunbookStep;
import io.spineconsole.domain.migration.RunbookStepCreate;
import io.spineconsole.domain.migration.RunbookStepPatch;
import io.spineconsole.domain.migration.SignOffRequest;
import io.spineconsole.domain.migration.Site;
import io.spineconsole.domain.migration.SiteChecklist;
import io.spineconsole.domain.migration.SiteCreate;
import io.spineconsole.domain.migration.SiteQuery;
import io.spineconsole.domain.migration.SiteReadiness;
import io.spineconsole.domain.migration.SiteUpdate;
import io.spineconsole.domain.migration.Wave;
import io.spineconsole.domain.migration.WaveCreate;
import io.spineconsole.domain.migration.WaveUpdate;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** {@link MigrationApi} over HTTP. */
final class HttpMigrationApi implements MigrationApi {
    private static final String BASE = "api/v1/migration";
    private final HttpTransport http;

    HttpMigrationApi(HttpTransport http) {
        this.http = http;
    }

    private JavaType type(Class<?> c) {
        return http.types().constructType(c);
    }

    private JavaType pageOf(Class<?> c) {
        return http.types().constructParametricType(Page.class, c);
    }

    private static String seg(String value) {
        return okhttp3.HttpUrl.parse("http://x/").newBuilder().addPathSegment(value).build().encodedPath().substring(1);
    }

    @Override
    public CompletableFuture<Page<Site>> listSites(SiteQuery q) {
        Map<String, Object> query = new HashMap<>();
        query.put("kind", q.kind() == null ? null : q.kind().code());
        query.put("status", q.statuses() == null ? List.of() : q.statuses().stream().map(Coded::code).toList());
        query.put("q", q.q());
        query.put("sort", q.sort());
        query.put("limit", q.limit());
        query.put("cursor", q.cursor());
        return http.get(BASE + "/sites", query, pageOf(Site.class));
    }

    @Override
    public CompletableFuture<Site> getSite(String siteCode) {
        return http.get(BASE + "/sites/" + seg(siteCode), null, Site.class);
    }

    @Override
    public CompletableFuture<Site> createSite(SiteCreate site) {
        return http.post(BASE + "/sites", null, site, type(Site.class));
    }

    @Override
    public CompletableFuture<Site> updateSite(String siteCode, SiteUpdate site, long version) {
        return http.send("PUT", BASE + "/sites/" + seg(siteCode), site, version, type(Site.class));
    }

    @Override
    public CompletableFuture<SiteReadiness> getSiteReadiness(String siteCode, int days) {
        return http.get(BASE + "/sites/" + seg(siteCode) + "/readiness", Map.of("days", days), SiteReadiness.class);
    }

    @Override
    public CompletableFuture<SiteChecklist> getSiteChecklist(String siteCode) {
        return http.get(BASE + "/sites/" + seg(siteCode) + "/checklist", null, SiteChecklist.class);
    }

    @Override
    public CompletableFuture<ChecklistItem> createChecklistItem(String siteCode, ChecklistItemCreate item) {
        return http.post(BASE + "/sites/" + seg(siteCode) + "/checklist/items", null, item, type(ChecklistItem.class));
    }

    @Override
    public CompletableFuture<ChecklistItem> getChecklistItem(String siteCode, String itemKey) {
        return http.get(BASE + "/sites/" + seg(siteCode) + "/checklist/items/" + seg(itemKey), null, ChecklistItem.class);
    }

    @Override
    public CompletableFuture<ChecklistItem> updateChecklistItem(String siteCode, String itemKey, ChecklistItemPatch patch,
                                                                long version) {
        Map<String, Object> body = new LinkedHashMap<>();
        put(body, "title", patch.title());
        put(body, "owner", patch.owner());
        put(body, "done", patch.done());
        put(body, "evidence", patch.evidence());
        return http.send("PATCH", BASE + "/sites/" + seg(siteCode) + "/checklist/items/" + seg(itemKey), body, version,
                type(ChecklistItem.class));
    }

    @Override
    public CompletableFuture<SiteChecklist> signOffSite(String siteCode, SignOffRequest request, long checklistVersion) {
        return http.guardedPost(BASE + "/sites/" + seg(siteCode) + "/checklist/sign-off", request, checklistVersion,
                type(SiteChecklist.class));
    }

    @Override
    public CompletableFuture<Page<Component>> listComponents(ComponentQuery q) {
        Map<String, Object> query = new HashMap<>();
        query.put("state", q.states() == null ? List.of() : q.states().stream().map(Coded::code).toList());
        query.put("wave", q.wave());
        query.put("site", q.site());
        query.put("owner", q.owner());
        query.put("q", q.q());
        query.put("sort", q.sort());
        query.put("limit", q.limit());
        query.put("cursor", q.cursor());
        return http.get(BASE + "/components", query, pageOf(Component.class));
    }

    @Override
    public CompletableFuture<Component> getComponent(String componentCode) {
        return http.get(BASE + "/components/" + seg(componentCode), null, Component.class);
    }

    @Override
    public CompletableFuture<Component> createComponent(ComponentCreate component) {
        return http.post(BASE + "/components", null, component, type(Component.class));
    }

    @Override
    public CompletableFuture<Component> updateComponent(String componentCode, ComponentUpdate component, long version) {
        return http.send("PUT", BASE + "/components/" + seg(componentCode), component, version, type(Component.class));
    }

    @Override
    public CompletableFuture<Component> transitionComponent(String componentCode, ComponentTransitionRequest request,
                                                            long version) {
        return http.guardedPost(BASE + "/components/" + seg(componentCode) + "/transitions", request, version,
                type(Component.class));
    }

    @Override
    public CompletableFuture<Runbook> getRunbook(String componentCode) {
        return http.get(BASE + "/components/" + seg(componentCode) + "/runbook", null, Runbook.class);
    }

    @Override
    public CompletableFuture<RunbookStep> createRunbookStep(String componentCode, RunbookStepCreate step) {
        return http.post(BASE + "/components/" + seg(componentCode) + "/runbook", null, step, type(RunbookStep.class));
    }

    @Override
    public CompletableFuture<RunbookStep> getRunbookStep(String componentCode, long stepId) {
        return http.get(BASE + "/components/" + seg(componentCode) + "/runbook/" + stepId, null, RunbookStep.class);
    }

    @Override
    public CompletableFuture<RunbookStep> updateRunbookStep(String componentCode, long stepId, RunbookStepPatch patch,
                                                            long version) {
        Map<String, Object> body = new LinkedHashMap<>();
        put(body, "seq", patch.seq());
        put(body, "phase", patch.phase());
        put(body, "title", patch.title());
        put(body, "owner", patch.owner());
        put(body, "required", patch.required());
        put(body, "status", patch.status());
        put(body, "evidence", patch.evidence());
        put(body, "notes", patch.notes());
        return http.send("PATCH", BASE + "/components/" + seg(componentCode) + "/runbook/" + stepId, body, version,
                type(RunbookStep.class));
    }

    @Override
    public CompletableFuture<Void> deleteRunbookStep(String componentCode, long stepId, long version) {
        return http.send("DELETE", BASE + "/components/" + seg(componentCode) + "/runbook/" + stepId, null, version,
                type(Void.class));
    }

    @Override
    public CompletableFuture<DependencyGraph> getDependencyGraph() {
        return http.get(BASE + "/dependencies", null, DependencyGraph.class);
    }

    @Override
    public CompletableFuture<Page<Wave>> listWaves(Integer limit, String cursor) {
        Map<String, Object> query = new HashMap<>();
        query.put("limit", limit);
        query.put("cursor", cursor);
        return http.get(BASE + "/waves", query, pageOf(Wave.class));
    }

    @Override
    public CompletableFuture<Wave> getWave(int number) {
        return http.get(BASE + "/waves/" + number, null, Wave.class);
    }

    @Override
    public CompletableFuture<Wave> createWave(WaveCreate wave) {
        return http.post(BASE + "/waves", null, wave, type(Wave.class));
    }

    @Override
    public CompletableFuture<Wave> updateWave(int number, WaveUpdate wave, long version) {
        return http.send("PUT", BASE + "/waves/" + number, wave, version, type(Wave.class));
    }

    @Override
    public CompletableFuture<Burndown> getBurndown(LocalDate from, LocalDate to, BurndownInterval interval) {
        Map<String, Object> query = new HashMap<>();
        query.put("from", from);
        query.put("to", to);
        query.put("interval", interval == null ? null : interval.code());
        return http.get(BASE + "/burndown", query, Burndown.class);
    }

    /** A merge-patch member: null leaves it out (unchanged); a blank text is sent as null (cleared). */
    private static void put(Map<String, Object> body, String name, Object value) {
        if (value instanceof String text && text.isBlank()) {
            body.put(name, null);
        } else if (value != null) {
            body.put(name, value);
        }
    }

}
