package io.spineconsole.testing;

import io.spineconsole.api.MigrationApi;
import io.spineconsole.api.Page;
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
 * A {@link MigrationApi} for tests: override the calls a test needs in an anonymous subclass;
 * every other call goes to the API it was made over, or, made with no API, fails the test at once
 * as not faked. Over a real API it records and changes calls on their way (a spy).
 */
public class FakeMigrationApi implements MigrationApi {
    private final MigrationApi real;

    /** Answers only what a subclass overrides. */
    public FakeMigrationApi() {
        this(NotFaked.port(MigrationApi.class));
    }

    /** Forwards what a subclass does not override to {@code real}. */
    public FakeMigrationApi(MigrationApi real) {
        this.real = real;
    }

    @Override
    public CompletableFuture<Page<Site>> listSites(SiteQuery query) {
        return real.listSites(query);
    }

    @Override
    public CompletableFuture<Site> getSite(String siteCode) {
        return real.getSite(siteCode);
    }

    @Override
    public CompletableFuture<Site> createSite(SiteCreate site) {
        return real.createSite(site);
    }

    @Override
    public CompletableFuture<Site> updateSite(String siteCode, SiteUpdate site, long version) {
        return real.updateSite(siteCode, site, version);
    }

    @Override
    public CompletableFuture<SiteReadiness> getSiteReadiness(String siteCode, int days) {
        return real.getSiteReadiness(siteCode, days);
    }

    @Override
    public CompletableFuture<SiteChecklist> getSiteChecklist(String siteCode) {
        return real.getSiteChecklist(siteCode);
    }

    @Override
    public CompletableFuture<ChecklistItem> createChecklistItem(String siteCode, ChecklistItemCreate item) {
        return real.createChecklistItem(siteCode, item);
    }

    @Override
    public CompletableFuture<ChecklistItem> getChecklistItem(String siteCode, String itemKey) {
        return real.getChecklistItem(siteCode, itemKey);
    }

    @Override
    public CompletableFuture<ChecklistItem> updateChecklistItem(String siteCode, String itemKey,
                                                                ChecklistItemPatch patch, long version) {
        return real.updateChecklistItem(siteCode, itemKey, patch, version);
    }

    @Override
    public CompletableFuture<SiteChecklist> signOffSite(String siteCode, SignOffRequest request,
                                                        long checklistVersion) {
        return real.signOffSite(siteCode, request, checklistVersion);
    }

    @Override
    public CompletableFuture<Page<Component>> listComponents(ComponentQuery query) {
        return real.listComponents(query);
    }

    @Override
    public CompletableFuture<Component> getComponent(String componentCode) {
        return real.getComponent(componentCode);
    }

    @Override
    public CompletableFuture<Component> createComponent(ComponentCreate component) {
        return real.createComponent(component);
    }

    @Override
    public CompletableFuture<Component> updateComponent(String componentCode, ComponentUpdate component, long version) {
        return real.updateComponent(componentCode, component, version);
    }

    @Override
    public CompletableFuture<Component> transitionComponent(String componentCode, ComponentTransitionRequest request,
                                                            long version) {
        return real.transitionComponent(componentCode, request, version);
    }

    @Override
    public CompletableFuture<Runbook> getRunbook(String componentCode) {
        return real.getRunbook(componentCode);
    }

    @Override
    public CompletableFuture<RunbookStep> createRunbookStep(String componentCode, RunbookStepCreate step) {
        return real.createRunbookStep(componentCode, step);
    }

    @Override
    public CompletableFuture<RunbookStep> getRunbookStep(String componentCode, long stepId) {
        return real.getRunbookStep(componentCode, stepId);
    }

    @Override
    public CompletableFuture<RunbookStep> updateRunbookStep(String componentCode, long stepId, RunbookStepPatch patch,
                                                            long version) {
        return real.updateRunbookStep(componentCode, stepId, patch, version);
    }

    @Override
    public CompletableFuture<Void> deleteRunbookStep(String componentCode, long stepId, long version) {
        return real.deleteRunbookStep(componentCode, stepId, version);
    }

    @Override
    public CompletableFuture<DependencyGraph> getDependencyGraph() {
        return real.getDependencyGraph();
    }

    @Override
    public CompletableFuture<Page<Wave>> listWaves(Integer limit, String cursor) {
        return real.listWaves(limit, cursor);
    }

    @Override
    public CompletableFuture<Wave> getWave(int number) {
        return real.getWave(number);
    }

    @Override
    public CompletableFuture<Wave> createWave(WaveCreate wave) {
        return real.createWave(wave);
    }

    @Override
    public CompletableFuture<Wave> updateWave(int number, WaveUpdate wave, long version) {
        return real.updateWave(number, wave, version);
    }

    @Override
    public CompletableFuture<Burndown> getBurndown(LocalDate from, LocalDate to, BurndownInterval interval) {
        return real.getBurndown(from, to, interval);
    }
}
