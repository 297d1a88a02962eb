package io.spineconsole.ui.migration;

import io.spineconsole.api.ApiException;
import io.spineconsole.api.Page;
import io.spineconsole.domain.migration.SiteKind;
import io.spineconsole.domain.audit.AuditEntry;
import io.spineconsole.domain.messages.StatsBucket;
import io.spineconsole.domain.messages.StatsGroup;
import io.spineconsole.domain.messages.StatsPoint;
import io.spineconsole.domain.messages.StatsQuery;
import io.spineconsole.domain.migration.Component;
import io.spineconsole.domain.migration.ComponentQuery;
import io.spineconsole.domain.migration.SignOffRequest;
import io.spineconsole.domain.migration.Site;
import io.spineconsole.domain.migration.SiteChecklist;
import io.spineconsole.domain.migration.SiteReadiness;
import io.spineconsole.domain.migration.SiteStatus;
import io.spineconsole.ui.common.ErrorText;
import io.spineconsole.ui.common.LatestLoad;
import io.spineconsole.ui.common.LoadState;
import io.spineconsole.ui.common.LoadStatus;
import io.spineconsole.ui.common.UnsentReasons;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Sites: each data centre and cloud region with what runs there, and for the one selected, the
 * evidence that it can go: traffic routed through it in the last N days (per day), the components
 * still hosted there, its decommission checklist with evidence, owner and sign-off, and its history.
 * Readiness comes from the server's evaluation of that evidence; the sign-off is the server's to
 * grant, and is offered only when the evidence says the site is ready.
 */
public final class SitesViewModel {
    static final String MEMORY_DAYS = "migration.sites.days";
    static final String MEMORY_SITE = "migration.sites.selected";
    static final int MIN_DAYS = 1;
    static final int MAX_DAYS = 365;
    private final MigrationViewModel root;
    private final LatestLoad load;
    private final io.spineconsole.ui.common.I18n i18n;
    private final StringProperty selected = new SimpleStringProperty();
    private final IntegerProperty days = new SimpleIntegerProperty(30);
    private final ObjectProperty<Site> site = new SimpleObjectProperty<>();
    private final ObjectProperty<SiteReadiness> readiness = new SimpleObjectProperty<>();
    private final ObjectProperty<SiteChecklist> checklist = new SimpleObjectProperty<>();
    private final ObservableList<Component> hosted = FXCollections.observableArrayList();
    private final ObservableList<TrafficDay> traffic = FXCollections.observableArrayList();
    private final StringProperty trafficNote = new SimpleStringProperty("");
    private final ObservableList<AuditEntry> history = FXCollections.observableArrayList();
    private final BooleanProperty historyHasMore = new SimpleBooleanProperty();
    private final BooleanProperty signingOff = new SimpleBooleanProperty();
    private final StringProperty signOffOutcome = new SimpleStringProperty("");
    private final ObservableList<String> signOffRefusal = FXCollections.observableArrayList();
    private final UnsentReasons unsentReasons = new UnsentReasons();
    private final ChecklistItemEditor editor;
    private String historyCursor;
    private CompletableFuture<?> trafficCall;
    private CompletableFuture<?> moreHistory;

    /** Messages routed through the site on one day (UTC). */
    public record TrafficDay(LocalDate day, long messages, long errors) {
    }

    SitesViewModel(MigrationViewModel root) {
        this.root = root;
        this.load = new LatestLoad(root.ui(), root.i18n(), () -> site.get() != null);
        load.onRetry(this::reload);
        this.i18n = root.i18n();
        this.editor = new ChecklistItemEditor(root);
        root.memory().recall(MEMORY_DAYS).ifPresent(d -> {
            try {
                days.set(Math.max(MIN_DAYS, Math.min(MAX_DAYS, Integer.parseInt(d))));
            } catch (NumberFormatException ignored) {
                // keep 30
            }
        });
        root.memory().recall(MEMORY_SITE).ifPresent(selected::set);
    }

    /** First load of a session: the site remembered from last time, or the first data centre still open. */
    void load() {
        if (selected.get() != null) {
            select(selected.get());
            return;
        }
        root.referenceSites().addListener(new javafx.collections.ListChangeListener<Site>() {
            @Override
            public void onChanged(Change<? extends Site> c) {
                root.referenceSites().removeListener(this);
                if (selected.get() == null) {
                    root.referenceSites().stream().filter(s -> s.kind() == SiteKind.DATA_CENTRE
                                    && s.status() != SiteStatus.DECOMMISSIONED).findFirst()
                            .or(() -> root.referenceSites().stream().findFirst()).ifPresent(s -> select(s.code()));
                }
            }
        });
    }

    /** Shows one site's evidence, checklist and history. */
    public void select(String code) {
        if (code == null) {
            return;
        }
        boolean other = !code.equals(selected.get()) || site.get() == null;
        selected.set(code);
        root.memory().remember(MEMORY_SITE, code);
        if (other) {
            site.set(null);
            readiness.set(null);
            checklist.set(null);
            hosted.clear();
            traffic.clear();
            history.clear();
            signOffOutcome.set("");
            signOffRefusal.clear();
            editor.close();
        }
        reload();
    }

    /** Changes the traffic-free window (1 to 365 days) and re-evaluates readiness and traffic. */
    public void setDays(int value) {
        int d = Math.max(MIN_DAYS, Math.min(MAX_DAYS, value));
        if (d != days.get()) {
            days.set(d);
            root.memory().remember(MEMORY_DAYS, Integer.toString(d));
            reload();
        }
    }

    public void reload() {
        String code = selected.get();
        if (code == null || !root.connected()) {
            return;
        }
        cancelFollowUps();
        var api = root.api();
        int window = days.get();
        record Evidence(Site site, SiteReadiness readiness, SiteChecklist checklist, List<Component> hosted,
                        Page<AuditEntry> history) {
        }
        CompletableFuture<Site> s = api.getSite(code);
        CompletableFuture<SiteReadiness> r = api.getSiteReadiness(code, window);
        CompletableFuture<SiteChecklist> c = api.getSiteChecklist(code);
        CompletableFuture<List<Component>> h = Pages.all(cur -> api.listComponents(
                new ComponentQuery(List.of(), null, code, null, null, "state", 500, cur)), 20);
        CompletableFuture<Page<AuditEntry>> a = root.backbone().audit().siteHistory(code, null,
                ComponentDetailViewModel.HISTORY_PAGE, null);
        CompletableFuture<Evidence> all = CompletableFuture.allOf(s, r, c, h, a)
                .thenApply(v -> new Evidence(s.join(), r.join(), c.join(), h.join(), a.join()));
        load.start(all, e -> {
            checklist.set(e.checklist());
            site.set(e.site());
            readiness.set(e.readiness());
            hosted.setAll(e.hosted());
            history.setAll(e.history().items());
            historyCursor = e.history().nextCursor();
            historyHasMore.set(e.history().hasMore());
            refreshEditor(e.checklist());
        }, e -> false);
        loadTraffic(code, window, load.generation());
    }

    /**
     * Messages per day through the site over the window, from the message statistics (the same
     * store the readiness counts from). Its own call: a slow statistics answer never holds the checklist.
     */
    private void loadTraffic(String code, int window, long mine) {
        Instant now = root.clock().instant();
        Instant to = now.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
        Instant from = to.minus(window, ChronoUnit.DAYS);
        trafficNote.set("");
        trafficCall = root.ui().deliver(root.backbone().messages().stats(new StatsQuery(StatsGroup.SITE, from, to,
                StatsBucket.DAY, 10, null, null, code, null)), stats -> {
            if (!load.isCurrent(mine)) {
                return;
            }
            List<TrafficDay> days = new ArrayList<>();
            for (LocalDate d = LocalDate.ofInstant(from, ZoneOffset.UTC); d.isBefore(LocalDate.ofInstant(to, ZoneOffset.UTC));
                 d = d.plusDays(1)) {
                LocalDate day = d;
                long count = 0;
                long errors = 0;
                for (StatsPoint p : stats.series()) {
                    if (LocalDate.ofInstant(p.bucketStart(), ZoneOffset.UTC).equals(day)) {
                        count += p.count();
                        errors += p.errors();
                    }
                }
                days.add(new TrafficDay(day, count, errors));
            }
            traffic.setAll(days);
        }, failure -> {
            if (!load.isCurrent(mine)) {
                return;
            }
            traffic.clear();
            trafficNote.set(i18n.get("migration.sites.trafficUnavailable", ErrorText.sentence(root.i18n(), failure)));
        });
    }

    /** Keeps the open form on the item as it now is, unless the user is editing it. */
    private void refreshEditor(SiteChecklist list) {
        if (editor.itemProperty().get() == null || editor.dirtyProperty().get()) {
            return;
        }
        String key = editor.itemProperty().get().key();
        list.items().stream().filter(i -> i.key().equals(key)).findFirst()
                .ifPresentOrElse(i -> editor.edit(selected.get(), i), editor::close);
    }

    public void loadMoreHistory() {
        String code = selected.get();
        if (code == null || historyCursor == null || (moreHistory != null && !moreHistory.isDone())) {
            return;
        }
        long mine = load.generation();
        moreHistory = root.ui().deliver(root.backbone().audit().siteHistory(code, null,
                ComponentDetailViewModel.HISTORY_PAGE, historyCursor), page -> {
            if (!load.isCurrent(mine)) {
                return;
            }
            history.addAll(page.items());
            historyCursor = page.nextCursor();
            historyHasMore.set(page.hasMore());
        }, load::failedAlongside);
    }

    /** True when the evidence says this site may be signed off and the role allows it: the button's state. */
    public boolean maySignOff() {
        SiteReadiness r = readiness.get();
        Site s = site.get();
        return r != null && s != null && r.ready() && root.mayAdministerProperty().get() && !signingOff.get()
                && s.kind() == SiteKind.DATA_CENTRE && s.status() != SiteStatus.DECOMMISSIONED;
    }

    /** Why the site cannot be signed off now, in words (empty when it can). */
    public List<String> signOffBlockers() {
        List<String> out = new ArrayList<>();
        SiteReadiness r = readiness.get();
        if (r == null) {
            return out;
        }
        r.reasons().forEach(reason -> out.add(reason.message()));
        if (r.ready() && !root.mayAdministerProperty().get()) {
            out.add(i18n.get("migration.sites.signOffNeedsAdmin"));
        }
        return out;
    }

    /**
     * Signs the selected site off for decommissioning with {@code statement}, against the checklist
     * version shown. The server re-checks the evidence; a refusal lists its reasons.
     */
    public CompletableFuture<SiteChecklist> signOff(String statement) {
        String code = selected.get();
        SiteChecklist shown = checklist.get();
        if (code == null || shown == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("No site"));
        }
        unsentReasons.sending(signOffAction(code), statement);
        signingOff.set(true);
        signOffOutcome.set("");
        signOffRefusal.clear();
        CompletableFuture<SiteChecklist> call = root.api().signOffSite(code, new SignOffRequest(statement, days.get()),
                shown.version());
        root.ui().deliver(call, signed -> {
            signingOff.set(false);
            unsentReasons.sent(signOffAction(code));
            signOffOutcome.set(i18n.get("migration.sites.signedOff", code, signed.signedOffBy()));
            root.changed(null);
        }, failure -> {
            signingOff.set(false);
            ApiException api = ApiException.unwrap(failure);
            if (api != null && api.isStale()) {
                signOffOutcome.set(i18n.get("migration.sites.signOffStale", code));
                reload();
            } else if (api != null && api.kind() == ApiException.Kind.CONFLICT) {
                signOffOutcome.set(api.getMessage());
                api.fieldErrors().forEach(fe -> signOffRefusal.add(fe.message()));
                reload();
            } else {
                signOffOutcome.set(ErrorText.sentence(root.i18n(), failure));
            }
        });
        return call;
    }

    /** Sign-off statements typed for sign-offs that did not go through, offered again on the next try. */
    public UnsentReasons unsentReasons() {
        return unsentReasons;
    }

    /** The key of signing site {@code code} off among {@link #unsentReasons()}. */
    public static String signOffAction(String code) {
        return "sign-off " + code;
    }

    /** Saves the checklist form; the checklist and readiness reload after it. */
    public CompletableFuture<?> saveItem() {
        return editor.save(saved -> {
            reload();
            root.progress().reloadIfLoaded();
        });
    }

    public void cancel() {
        load.cancel();
        cancelFollowUps();
    }

    /** The traffic and history calls that go with a load. */
    private void cancelFollowUps() {
        for (CompletableFuture<?> f : new CompletableFuture<?>[] {trafficCall, moreHistory}) {
            if (f != null) {
                f.cancel(true);
            }
        }
        trafficCall = null;
        moreHistory = null;
    }

    /** What the user would lose by leaving now, or empty. */
    public Optional<String> unsavedChanges() {
        if (!editor.dirtyProperty().get()) {
            return Optional.empty();
        }
        String what = editor.creatingProperty().get() ? i18n.get("migration.checklist.newItem")
                : editor.itemProperty().get().title();
        return Optional.of(i18n.get("migration.checklist.unsaved", what, editor.siteCode()));
    }

    public ReadOnlyStringProperty selectedProperty() {
        return selected;
    }

    public IntegerProperty daysProperty() {
        return days;
    }

    public ReadOnlyObjectProperty<Site> siteProperty() {
        return site;
    }

    public ReadOnlyObjectProperty<SiteReadiness> readinessProperty() {
        return readiness;
    }

    public ReadOnlyObjectProperty<SiteChecklist> checklistProperty() {
        return checklist;
    }

    public ObservableList<Component> hosted() {
        return hosted;
    }

    public ObservableList<TrafficDay> traffic() {
        return traffic;
    }

    /** Why the per-day traffic could not be shown, or "". */
    public ReadOnlyStringProperty trafficNoteProperty() {
        return trafficNote;
    }

    public ObservableList<AuditEntry> history() {
        return history;
    }

    public ReadOnlyBooleanProperty historyHasMoreProperty() {
        return historyHasMore;
    }

    /** What the view shows about this load (busy, empty, failed with Retry); views bind to it. */
    public LoadStatus status() {
        return load.status();
    }

    public ReadOnlyObjectProperty<LoadState> stateProperty() {
        return load.stateProperty();
    }

    public ReadOnlyBooleanProperty signingOffProperty() {
        return signingOff;
    }

    public ReadOnlyStringProperty signOffOutcomeProperty() {
        return signOffOutcome;
    }

    /** The reasons the server gave for refusing the last sign-off. */
    public ObservableList<String> signOffRefusal() {
        return signOffRefusal;
    }

    public ChecklistItemEditor editor() {
        return editor;
    }
}
