package io.spineconsole.ui.registrations;

import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import io.spineconsole.ui.common.SdsAccess;
import io.spineconsole.ui.common.UiExecutor;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.layout.VBox;

import java.util.Optional;

/**
 * What a record's detail shows of SDS: the "Published in SDS" tab (looked up live only when the tab is shown,
 * so browsing records spends none of SDS's rate limit) and the "Directory drift…" button. With no SDS connection
 * the tab says so in words and offers to add one.
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
    private Tab tab;
    private SdsRecordViewModel lookup;

    SdsDetail(KindView<T> view, DetailViewModel<T> model, BrowserView.Host host, I18n i18n, String idPrefix) {
        this.view = view;
        this.model = model;
        this.host = host;
        this.access = host.sds();
        this.ui = host.ui();
        this.i18n = i18n;
        this.idPrefix = idPrefix;
    }

    /** The "Published in SDS" tab, or empty for a record type SDS does not publish. */
    Optional<Tab> tab() {
        if (!view.publishedInSds()) {
            return Optional.empty();
        }
        content.setPadding(new Insets(8, 0, 0, 0));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        tab = new Tab(i18n.get("registrations.sds.title"), scroll);
        tab.setId(idPrefix + "-sds-tab");
        tab.selectedProperty().addListener((o, a, shown) -> refresh());
        model.recordProperty().addListener((o, a, r) -> {
            if (!java.util.Objects.equals(a, r)) { // the same record read again is not looked up again
                refresh();
            }
        });
        access.connectionProperty().addListener((o, a, c) -> refresh());
        return Optional.of(tab);
    }

    /** Looks the record shown up again, if the tab is showing (and stops a lookup that is no longer wanted). */
    private void refresh() {
        if (lookup != null) {
            lookup.cancel();
            lookup = null;
        }
        T record = model.record();
        if (tab == null || !tab.isSelected() || record == null) {
            content.getChildren().clear();
            return;
        }
        lookup = new SdsRecordViewModel(access.directoryOrNull(), ui, i18n);
        // The tab names the panel already: its body only, across the tab's width.
        content.getChildren().setAll(SdsRecordPanel.of(lookup, i18n).getContent());
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
