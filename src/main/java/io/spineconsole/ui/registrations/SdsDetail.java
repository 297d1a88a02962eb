package io.spineconsole.ui.registrations;

import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import io.spineconsole.ui.common.SdsAccess;
import io.spineconsole.ui.common.UiExecutor;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.layout.VBox;

import java.util.Optional;

/**
 * What a record's detail shows of SDS: the "Published in SDS" section below its details (looked up live as the
 * record is opened; a lookup for a record no longer shown is stopped) and the "Directory drift…" button. With no
 * SDS connection the section says so in words and offers to add one.
 *
 * @param <T> the record type
 */
final class SdsDetail<T> {
    private final KindView<T> view;
    private final DetailViewModel<T> model;
    private final SdsAccess access;
    private final UiExecutor ui;
    private final I18n i18n;
    private final BrowserView.Host host;
    private final String idPrefix;
    private final VBox content = new VBox(8);
    private SdsRecordViewModel lookup;

    SdsDetail(KindView<T> view, DetailViewModel<T> model, BrowserView.Host host, I18n i18n, String idPrefix) {
        this.view = view;
        this.model = model;
        this.host = host;
        this.access = host.sds();
        this.ui = host.ui();
        this.i18n = i18n;
        this.idPrefix = idPrefix;
        if (view.publishedInSds()) {
            listen();
        }
    }

    /**
     * The record's details with, for a record type SDS publishes, the "Published in SDS" section below them (one
     * section kept across redraws, so a lookup is not repeated when the pane is drawn again).
     */
    Node below(Node details) {
        return view.publishedInSds() ? new VBox(16, details, content) : details;
    }

    private void listen() {
        content.setId(idPrefix + "-sds");
        model.recordProperty().addListener((o, a, r) -> {
            if (!java.util.Objects.equals(a, r)) { // the same record read again is not looked up again
                refresh();
            }
        });
        access.connectionProperty().addListener((o, a, c) -> refresh());
    }

    /** Looks the record shown up (and stops a lookup that is no longer wanted). */
    private void refresh() {
        if (lookup != null) {
            lookup.cancel();
            lookup = null;
        }
        T record = model.record();
        if (record == null) {
            content.getChildren().clear();
            return;
        }
        lookup = new SdsRecordViewModel(access.directoryOrNull(), ui, i18n);
        content.getChildren().setAll(SdsRecordPanel.of(lookup, i18n));
        if (access.connection().isEmpty()) {
            content.getChildren().add(addConnectionButton(i18n, access, idPrefix + "-sds-add"));
        } else {
            Button again = new Button(i18n.get("registrations.sds.lookUpAgain"), Icons.of(AppIcon.REFRESH));
            again.setId(idPrefix + "-sds-again");
            again.setOnAction(e -> refresh());
            content.getChildren().add(again);
            view.lookUp(lookup, record);
        }
    }

    /** "Directory drift…" for the record: its organisation (and interaction) compared with SDS. */
    Optional<Button> driftButton(T record) {
        return view.driftQuery(record).map(q -> {
            Button drift = new Button(i18n.get("registrations.drift.open.action"), Icons.of(AppIcon.CHECKS));
            drift.setId(idPrefix + "-drift");
            drift.setOnAction(e -> host.openDrift(q.odsCode(), q.interaction()));
            return drift;
        });
    }

    /** "Add an SDS connection…": the way out of every place that needs SDS and has no connection. */
    static Button addConnectionButton(I18n i18n, SdsAccess access, String id) {
        Button add = new Button(i18n.get("registrations.sds.addConnection"), Icons.of(AppIcon.PROFILES));
        add.setId(id);
        add.setOnAction(e -> access.addConnection());
        return add;
    }
}
