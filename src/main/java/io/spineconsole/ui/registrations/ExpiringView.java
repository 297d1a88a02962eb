package io.spineconsole.ui.registrations;

import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.ConsoleLink;
import io.spineconsole.ui.common.ErrorRow;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.TimeText;
import io.spineconsole.ui.common.Icons;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.Consumer;

/** Endpoints whose certificate ends within 30, 60 or 90 days (expired ones first), each a jump to its endpoint. */
final class ExpiringView {
    private final VBox root = new VBox(10);
    private final TableView<MhsEndpoint> table = new TableView<>();

    ExpiringView(ExpiringViewModel model, I18n i18n, TimeText time, Consumer<ConsoleLink> go,
                 Runnable export) {
        root.setId("reg-expiring");
        root.setPadding(new Insets(10, 12, 8, 12));
        Label within = new Label(i18n.get("registrations.expiring.within"));
        ToggleGroup group = new ToggleGroup();
        HBox windows = new HBox(4);
        for (int days : ExpiringViewModel.WINDOWS) {
            ToggleButton b = new ToggleButton(i18n.get("registrations.expiring.days", days));
            b.setId("reg-expiring-" + days);
            b.setToggleGroup(group);
            b.setUserData(days);
            b.setSelected(model.daysProperty().get() == days);
            windows.getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null) {
                a.setSelected(true);
            } else {
                model.daysProperty().set((Integer) t.getUserData());
            }
        });
        model.daysProperty().addListener((o, a, d) -> group.getToggles().stream()
                .filter(t -> t.getUserData().equals(d.intValue())).findFirst().ifPresent(t -> t.setSelected(true)));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.setAccessibleText(i18n.get("common.loading"));
        busy.visibleProperty().bind(model.list().busyProperty());
        Label summary = new Label();
        summary.setId("reg-expiring-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        Button exportButton = new Button(i18n.get("registrations.export.button"), Icons.of(AppIcon.EXPORT));
        exportButton.setOnAction(e -> export.run());
        Button open = new Button(i18n.get("registrations.checks.open"), Icons.of(AppIcon.OPEN));
        open.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> open(go));
        HBox choose = new HBox(10, within, windows, busy);
        choose.setAlignment(Pos.CENTER_LEFT);
        HBox act = new HBox(6, open, exportButton);
        act.setAlignment(Pos.CENTER_LEFT);
        Node top = Views.toolbar(choose, act);

        table.setId("reg-expiring-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().addAll(List.of(
                Views.textColumn(i18n.get("registrations.field.certificateNotAfter"),
                        e -> e.certificate() == null ? "" : time.date(e.certificate().notAfter()), 140),
                Views.nodeColumn(i18n.get("registrations.field.certificate"), e -> Views.certificateShort(i18n, e.certificate()), 140),
                Views.textColumn(i18n.get("registrations.field.partyKey"), MhsEndpoint::partyKey, 118),
                Views.textColumn(i18n.get("registrations.column.ods"), MhsEndpoint::odsCode, 62),
                Views.flex(Views.textColumn(i18n.get("registrations.field.fqdn"), e -> e.fqdn() == null ? "" : e.fqdn(), 170)),
                Views.statusColumn(i18n, MhsEndpoint::status),
                Views.flex(Views.textColumn(i18n.get("registrations.field.certificateSubject"),
                        e -> e.certificate() == null ? "" : e.certificate().subject(), 220))));
        Views.pageInto(table, model.list(), i18n, model.summaryProperty());
        table.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                open(go);
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                open(go);
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        ErrorRow error = ErrorRow.besideData(model.list().status(), Bindings.isNotEmpty(model.list().items()), i18n);
        root.getChildren().addAll(top, summary, error, table, Views.muted(i18n.get("registrations.expiring.hint")));
    }

    private void open(Consumer<ConsoleLink> go) {
        MhsEndpoint e = table.getSelectionModel().getSelectedItem();
        if (e != null) {
            go.accept(RecordKind.ENDPOINTS.link(e.id().toString()));
        }
    }

    Node node() {
        return root;
    }
}
