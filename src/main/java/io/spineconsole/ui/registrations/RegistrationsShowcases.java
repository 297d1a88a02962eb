package io.spineconsole.ui.registrations;

import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.ui.common.ConsoleLink;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.LoadState;
import io.spineconsole.ui.common.Showcase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * The workspace's states worth a screenshot (see {@code --screenshot}): a record's detail, an
 * organisation's related records, a form with a field refused as typed, the conflict view, the checks,
 * the expiring certificates, an import preview with a bad row, and the export dialog. Each reads the
 * sandbox only; the import runs as a dry run.
 */
final class RegistrationsShowcases {
    private RegistrationsShowcases() {
    }

    static List<Showcase> of(RegistrationsView view, RegistrationsViewModel model, I18n i18n, Executor files) {
        BrowserViewModel<MhsEndpoint> endpoints = model.endpoints();
        return List.of(
                afterShow("endpoint-detail", () -> {
                    model.tabProperty().set(RegistrationsViewModel.Tab.ENDPOINTS);
                    endpoints.select(null);
                    endpoints.list().apply(ConsoleLink.of("registrations", "endpoints")
                            .with("pattern", "async-reliable").with("status", "active,suspended"));
                }, () -> {
                    var table = view.endpointsView().table();
                    if (endpoints.list().list().stateProperty().get() != LoadState.LOADED) {
                        return false;
                    }
                    if (endpoints.detail().record() == null) {
                        table.getSelectionModel().select(0);
                        return false;
                    }
                    return endpoints.detail().findingsStateProperty().get() != LoadState.LOADING
                            && endpoints.detail().history().stateProperty().get() != LoadState.LOADING;
                }),
                afterShow("endpoint-edit", () -> {
                    endpoints.startEdit();
                    RecordForm<MhsEndpoint> form = endpoints.form();
                    form.get("/url").input().valueProperty().set("http://msg.example.nhs.uk/reliablemessaging");
                    form.get("/reliability/retryInterval").input().valueProperty().set("2 hours");
                    form.get("/partyKey").input().valueProperty().set("YES-0000806");
                }, () -> endpoints.editingProperty().get(), endpoints::closeEditor),
                afterShow("endpoint-conflict", () -> {
                    endpoints.startEdit();
                    RecordForm<MhsEndpoint> form = endpoints.form();
                    MhsEndpoint base = form.original();
                    form.get("/name").input().valueProperty().set(base.partyKey() + " primary MHS");
                    form.get("/reliability/retries").input().valueProperty().set("3");
                    // A colleague's save, as the server would answer it in a 412: their CPA id and retries.
                    MhsEndpoint theirs = new MhsEndpoint(base.id(), base.partyKey() + " MHS", base.odsCode(), base.partyKey(), base.url(),
                            base.fqdn(), "S20001A000999", base.interactions(), base.messagingPattern(),
                            base.reliability() == null ? null : new io.spineconsole.domain.registrations.Reliability(5,
                                    base.reliability().retryInterval(), base.reliability().persistDuration(),
                                    base.reliability().ackRequested(), base.reliability().duplicateElimination(),
                                    base.reliability().syncReplyMode()),
                            base.mhsActor(), base.certificate(), base.sdsId(), base.status(), base.lastTransition(),
                            base.version() + 1, base.createdAt(), base.createdBy(), java.time.Instant.now(), "jane.doe");
                    form.showConflict(theirs);
                }, () -> endpoints.form().conflictProperty().get() != null, endpoints::closeEditor),
                afterShow("organisation-related", () -> {
                    view.open(RecordKind.ORGANISATIONS.link("RR8"));
                    view.organisationsView().detail().showTab(1);
                }, () -> model.organisations().detail().record() != null
                        && model.organisations().detail().systems().stateProperty().get() != LoadState.LOADING
                        && model.organisations().detail().endpoints().stateProperty().get() != LoadState.LOADING,
                        () -> view.organisationsView().detail().showTab(0)),
                afterShow("systems", () -> {
                    model.tabProperty().set(RegistrationsViewModel.Tab.SYSTEMS);
                    model.systems().list().refresh();
                }, () -> {
                    if (model.systems().list().list().stateProperty().get() != LoadState.LOADED) {
                        return false;
                    }
                    if (model.systems().detail().record() == null) {
                        view.systemsView().table().getSelectionModel().select(0);
                        return false;
                    }
                    return model.systems().detail().findingsStateProperty().get() != LoadState.LOADING;
                }),
                afterShow("checks", () -> {
                    model.tabProperty().set(RegistrationsViewModel.Tab.CHECKS);
                    model.checks().runIfNeverRun();
                }, () -> model.checks().stateProperty().get() == LoadState.LOADED
                        || model.checks().stateProperty().get() == LoadState.EMPTY),
                afterShow("expiring", () -> {
                    model.tabProperty().set(RegistrationsViewModel.Tab.EXPIRING);
                    model.expiring().showDays("60");
                }, () -> model.expiring().daysProperty().get() == 60
                        && model.expiring().list().stateProperty().get() != LoadState.LOADING),
                afterShow("import", () -> {
                    model.tabProperty().set(RegistrationsViewModel.Tab.ORGANISATIONS);
                    ImportViewModel vm = new ImportViewModel(model.contextProperty().get(), view.services().ui(), i18n, files);
                    vm.pathProperty().set(sampleCsv().toString());
                    vm.preview();
                    ImportViewModel shown = vm;
                    lastImport = shown;
                    new ImportDialog(view.root().getScene().getWindow(), vm, i18n).showAndWait();
                }, () -> lastImport != null && lastImport.phaseProperty().get() == ImportViewModel.Phase.PREVIEWED,
                        () -> lastImport = null),
                afterShow("export", () -> {
                    ExportViewModel export = view.exportModelFor(RecordKind.ENDPOINTS);
                    export.pathProperty().set(Path.of(System.getProperty("java.io.tmpdir"),
                            export.suggestedName(java.time.LocalDate.now())).toString());
                    new ExportDialog(view.root().getScene().getWindow(), export, i18n,
                            view.describeSearch(RecordKind.ENDPOINTS), java.time.LocalDate.now()).showAndWait();
                }, () -> true,
                        () -> model.tabProperty().set(RegistrationsViewModel.Tab.ENDPOINTS)));
    }

    private static ImportViewModel lastImport;

    /**
     * A showcase whose state counts as ready only once its {@code show} has run: the screenshot run asks
     * "ready?" right after queuing the show, when the screen still holds the previous state.
     */
    private static Showcase afterShow(String name, Runnable show, BooleanSupplier ready, Runnable reset) {
        boolean[] shown = {false};
        return new Showcase(name, () -> {
            shown[0] = true;
            show.run();
        }, () -> shown[0] && ready.getAsBoolean(), () -> {
            shown[0] = false;
            reset.run();
        });
    }

    private static Showcase afterShow(String name, Runnable show, BooleanSupplier ready) {
        return afterShow(name, show, ready, () -> { });
    }

    /** Three organisations to import, one of them with a malformed ODS code and an unknown kind. */
    private static Path sampleCsv() {
        try {
            Path file = Files.createTempFile("trust-sites-", ".csv");
            file.toFile().deleteOnExit();
            Files.writeString(file, "odsCode,name,kind,parentOdsCode,postcode\r\n"
                    + "RR8Z1,Wharfedale Hospital,trust-site,RR8,LS21 2LY\r\n"
                    + "RR8Z2,Chapel Allerton Hospital,trust-site,RR8,LS7 4SA\r\n"
                    + "rr8 3,Seacroft Hospital,hospital,RR8,LS14 6UH\r\n", StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
