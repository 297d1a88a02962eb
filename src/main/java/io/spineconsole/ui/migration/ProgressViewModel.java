package io.spineconsole.ui.migration;

import io.spineconsole.api.MigrationApi;
import io.spineconsole.domain.migration.SiteKind;
import io.spineconsole.domain.audit.AuditEntry;
import io.spineconsole.domain.audit.AuditQuery;
import io.spineconsole.domain.migration.Burndown;
import io.spineconsole.domain.migration.BurndownInterval;
import io.spineconsole.domain.migration.Component;
import io.spineconsole.domain.migration.ComponentQuery;
import io.spineconsole.domain.migration.Site;
import io.spineconsole.domain.migration.SiteChecklist;
import io.spineconsole.domain.migration.SiteQuery;
import io.spineconsole.domain.migration.SiteReadiness;
import io.spineconsole.domain.migration.Wave;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.LatestLoad;
import io.spineconsole.ui.common.LoadState;
import io.spineconsole.ui.common.LoadStatus;
import io.spineconsole.ui.common.WorkspaceContext;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Progress: the burn-down of components still on premises, each wave's progress, the cut-over
 * timeline, and the report a programme board reads (written to a file off the UI thread). Loaded
 * when first shown, then kept fresh as things change.
 */
public final class ProgressViewModel {
    /** At most this many transitions are read for the timeline (a programme has hundreds, not millions). */
    static final int MAX_TRANSITION_PAGES = 10;
    private final MigrationViewModel root;
    private final LatestLoad load;
    private final ObjectProperty<BurndownInterval> interval = new SimpleObjectProperty<>(BurndownInterval.WEEK);
    private final ObjectProperty<ProgrammeProgress.Snapshot> snapshot = new SimpleObjectProperty<>();
    private final ObservableList<ProgrammeProgress.WaveProgress> waves = FXCollections.observableArrayList();
    private final ObservableList<ProgrammeProgress.TimelineEvent> timeline = FXCollections.observableArrayList();
    private final BooleanProperty exporting = new SimpleBooleanProperty();
    private final StringProperty exportOutcome = new SimpleStringProperty("");
    private final StringProperty exportDetail = new SimpleStringProperty("");
    private final Executor files;
    private boolean wanted;

    ProgressViewModel(MigrationViewModel root) {
        this(root, java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "migration-report-writer");
            t.setDaemon(true);
            return t;
        }));
    }

    ProgressViewModel(MigrationViewModel root, Executor files) {
        this.root = root;
        this.load = new LatestLoad(root.ui(), root.i18n(), () -> snapshot.get() != null);
        load.onRetry(this::reload);
        this.files = files;
        interval.addListener((o, a, b) -> reloadIfLoaded());
    }

    /** A new session: nothing loaded until the tab is shown. */
    void invalidate() {
        load.clear();
        wanted = false;
        snapshot.set(null);
        waves.clear();
        timeline.clear();
    }

    /** Loads (the tab was shown). */
    public void load() {
        wanted = true;
        reload();
    }

    void reloadIfLoaded() {
        if (wanted) {
            reload();
        }
    }

    private void reload() {
        if (!root.connected()) {
            return;
        }
        int days = root.sites().daysProperty().get();
        load.start(read(days), s -> {
            snapshot.set(s);
            LocalDate today = LocalDate.ofInstant(s.takenAt(), root.clock().getZone());
            waves.setAll(ProgrammeProgress.waves(s, today));
            timeline.setAll(ProgrammeProgress.timeline(s, root.clock().getZone()));
        }, s -> s.components().isEmpty());
    }

    /** Reads everything the tab and the report show, in parallel where the calls are independent. */
    private CompletableFuture<ProgrammeProgress.Snapshot> read(int days) {
        MigrationApi api = root.api();
        var audit = root.backbone().audit();
        CompletableFuture<Burndown> burndown = api.getBurndown(null, null, interval.get());
        CompletableFuture<List<Wave>> allWaves = Pages.all(c -> api.listWaves(500, c), 20);
        CompletableFuture<List<Component>> components = Pages.all(c -> api.listComponents(
                new ComponentQuery(List.of(), null, null, null, null, "code", 500, c)), 20);
        CompletableFuture<List<AuditEntry>> transitions = Pages.all(c -> audit.search(new AuditQuery("component", null,
                null, "transition", null, null, true, 500, c)), MAX_TRANSITION_PAGES);
        CompletableFuture<List<ProgrammeProgress.SiteEvidence>> sites = Pages.all(c -> api.listSites(
                        new SiteQuery(null, List.of(), null, "code", 500, c)), 20)
                .thenCompose(list -> evidence(api, list, days));
        return CompletableFuture.allOf(burndown, allWaves, components, transitions, sites).thenApply(v ->
                new ProgrammeProgress.Snapshot(root.clock().instant(), burndown.join(), allWaves.join(),
                        components.join(), transitions.join(), sites.join(), days));
    }

    private static CompletableFuture<List<ProgrammeProgress.SiteEvidence>> evidence(MigrationApi api, List<Site> sites,
                                                                                    int days) {
        List<CompletableFuture<ProgrammeProgress.SiteEvidence>> each = new ArrayList<>();
        for (Site s : sites) {
            if (s.kind() != SiteKind.DATA_CENTRE) {
                each.add(CompletableFuture.completedFuture(new ProgrammeProgress.SiteEvidence(s, null, null)));
                continue;
            }
            CompletableFuture<SiteReadiness> r = api.getSiteReadiness(s.code(), days);
            CompletableFuture<SiteChecklist> c = api.getSiteChecklist(s.code());
            each.add(r.thenCombine(c, (readiness, checklist) -> new ProgrammeProgress.SiteEvidence(s, readiness, checklist)));
        }
        return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                .thenApply(v -> each.stream().map(CompletableFuture::join).toList());
    }

    /** The report as HTML, from what the tab shows now. */
    public String reportHtml() {
        ProgrammeProgress.Snapshot s = snapshot.get();
        if (s == null) {
            throw new IllegalStateException("Nothing loaded");
        }
        WorkspaceContext ctx = root.context().orElseThrow();
        return new HtmlReport(root.labels()).render(s, root.siteKinds(), ctx.environmentName(), ctx.principal().name());
    }

    /** A file name to suggest: the programme report of today. */
    public String suggestedFileName() {
        return "migration-report-" + LocalDate.ofInstant(root.clock().instant(), root.clock().getZone()) + ".html";
    }

    /**
     * Writes the report to {@code target} off the UI thread (to a temporary file first, then moved
     * into place, so a failure never leaves half a report). Completes with the path written.
     */
    public CompletableFuture<Path> exportReport(Path target) {
        I18n i18n = root.i18n();
        String html;
        try {
            html = reportHtml();
        } catch (RuntimeException e) {
            exportOutcome.set(i18n.get("migration.progress.exportNothing"));
            return CompletableFuture.failedFuture(e);
        }
        exporting.set(true);
        exportOutcome.set("");
        exportDetail.set("");
        CompletableFuture<Path> write = CompletableFuture.supplyAsync(() -> {
            try {
                Path dir = target.toAbsolutePath().getParent();
                Path temp = Files.createTempFile(dir, ".migration-report", ".tmp");
                Files.writeString(temp, html, StandardCharsets.UTF_8);
                return Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, files);
        root.ui().deliver(write, path -> {
            exporting.set(false);
            exportOutcome.set(i18n.get("migration.progress.exported", path.getFileName().toString()));
            exportDetail.set(path.toString());
        }, failure -> {
            exporting.set(false);
            Throwable cause = failure instanceof UncheckedIOException u ? u.getCause() : failure;
            exportOutcome.set(i18n.get("migration.progress.exportFailed", String.valueOf(cause.getMessage())));
            exportDetail.set(cause.toString());
        });
        return write;
    }

    public void cancel() {
        load.cancel();
    }

    public ObjectProperty<BurndownInterval> intervalProperty() {
        return interval;
    }

    public ReadOnlyObjectProperty<ProgrammeProgress.Snapshot> snapshotProperty() {
        return snapshot;
    }

    public ObservableList<ProgrammeProgress.WaveProgress> waves() {
        return waves;
    }

    public ObservableList<ProgrammeProgress.TimelineEvent> timeline() {
        return timeline;
    }

    /** What the view shows about this load (busy, empty, failed with Retry); views bind to it. */
    public LoadStatus status() {
        return load.status();
    }

    public ReadOnlyObjectProperty<LoadState> stateProperty() {
        return load.stateProperty();
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting;
    }

    public ReadOnlyStringProperty exportOutcomeProperty() {
        return exportOutcome;
    }

    /** The written file's full path (or the failure's detail), for the copy button. */
    public ReadOnlyStringProperty exportDetailProperty() {
        return exportDetail;
    }
}
