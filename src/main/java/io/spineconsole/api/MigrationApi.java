package io.spineconsole.api;

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
import java.util.concurrent.CompletableFuture;

/**
 * The migration operations of the admin API (see openapi.yaml, tag "migration"). Every method is
 * asynchronous; failures complete the future with an {@link ApiException}. A refused transition or
 * sign-off is a {@code CONFLICT} whose {@link ApiException#blockers()} name what blocks it. Updates
 * take the version the edit was based on (sent as {@code If-Match}).
 */
public interface MigrationApi {

    CompletableFuture<Page<Site>> listSites(SiteQuery query);

    CompletableFuture<Site> getSite(String siteCode);

    CompletableFuture<Site> createSite(SiteCreate site);

    CompletableFuture<Site> updateSite(String siteCode, SiteUpdate site, long version);

    /** @param days the traffic-free window, 1 to 365 */
    CompletableFuture<SiteReadiness> getSiteReadiness(String siteCode, int days);

    CompletableFuture<SiteChecklist> getSiteChecklist(String siteCode);

    CompletableFuture<ChecklistItem> createChecklistItem(String siteCode, ChecklistItemCreate item);

    CompletableFuture<ChecklistItem> getChecklistItem(String siteCode, String itemKey);

    CompletableFuture<ChecklistItem> updateChecklistItem(String siteCode, String itemKey, ChecklistItemPatch patch,
                                                         long version);

    /** @param checklistVersion the checklist's version the decision was based on */
    CompletableFuture<SiteChecklist> signOffSite(String siteCode, SignOffRequest request, long checklistVersion);

    CompletableFuture<Page<Component>> listComponents(ComponentQuery query);

    CompletableFuture<Component> getComponent(String componentCode);

    CompletableFuture<Component> createComponent(ComponentCreate component);

    CompletableFuture<Component> updateComponent(String componentCode, ComponentUpdate component, long version);

    CompletableFuture<Component> transitionComponent(String componentCode, ComponentTransitionRequest request,
                                                     long version);

    CompletableFuture<Runbook> getRunbook(String componentCode);

    CompletableFuture<RunbookStep> createRunbookStep(String componentCode, RunbookStepCreate step);

    CompletableFuture<RunbookStep> getRunbookStep(String componentCode, long stepId);

    CompletableFuture<RunbookStep> updateRunbookStep(String componentCode, long stepId, RunbookStepPatch patch,
                                                     long version);

    CompletableFuture<Void> deleteRunbookStep(String componentCode, long stepId, long version);

    CompletableFuture<DependencyGraph> getDependencyGraph();

    CompletableFuture<Page<Wave>> listWaves(Integer limit, String cursor);

    CompletableFuture<Wave> getWave(int number);

    CompletableFuture<Wave> createWave(WaveCreate wave);

    CompletableFuture<Wave> updateWave(int number, WaveUpdate wave, long version);

    /** @param from null for the first wave's start; @param to null for today */
    CompletableFuture<Burndown> getBurndown(LocalDate from, LocalDate to, BurndownInterval interval);
}
