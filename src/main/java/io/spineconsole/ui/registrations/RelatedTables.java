package io.spineconsole.ui.registrations;

import io.spineconsole.domain.registrations.AccreditedSystem;
import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.domain.registrations.Organisation;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.ConsoleLink;
import io.spineconsole.ui.common.ErrorRow;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.TimeText;
import io.spineconsole.ui.common.Icons;
import io.spineconsole.ui.common.PagedList;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.text.NumberFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** The small tables of related records in a detail pane: each row opens its record. */
final class RelatedTables {
    private RelatedTables() {
    }

    static Node systems(PagedList<AccreditedSystem> list, I18n i18n, String heading, ConsoleLink all,
                        Consumer<ConsoleLink> go, Button create) {
        TableView<AccreditedSystem> table = new TableView<>();
        table.getColumns().addAll(List.of(
                Views.textColumn(i18n.get("registrations.field.asid"), AccreditedSystem::asid, 112),
                Views.textColumn(i18n.get("registrations.field.partyKey"), s -> s.partyKey() == null ? "" : s.partyKey(), 116),
                Views.flex(Views.textColumn(i18n.get("registrations.field.product"), s -> ((s.productName() == null ? ""
                        : s.productName()) + " " + (s.productVersion() == null ? "" : s.productVersion())).strip(), 110)),
                Views.statusIconColumn(i18n, AccreditedSystem::status)));
        return section(table, list, i18n, heading, all, go, create, s -> RecordKind.SYSTEMS.link(s.asid()), "reg-related-systems");
    }

    static Node endpoints(PagedList<MhsEndpoint> list, I18n i18n, TimeText time, String heading, ConsoleLink all,
                          Consumer<ConsoleLink> go, Button create) {
        TableView<MhsEndpoint> table = new TableView<>();
        table.getColumns().addAll(List.of(
                Views.flex(Views.textColumn(i18n.get("registrations.field.partyKey"), MhsEndpoint::partyKey, 116)),
                Views.nodeColumn(i18n.get("registrations.field.certificate"), e -> Views.certificateShort(i18n, e.certificate()), 138),
                Views.statusIconColumn(i18n, MhsEndpoint::status)));
        return section(table, list, i18n, heading, all, go, create, e -> RecordKind.ENDPOINTS.link(e.id().toString()),
                "reg-related-endpoints");
    }

    private static <T> Node section(TableView<T> table, PagedList<T> list, I18n i18n, String heading, ConsoleLink all,
                                    Consumer<ConsoleLink> go, Button create, Function<T, ConsoleLink> link, String id) {
        table.setId(id);
        table.setPrefHeight(170);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Views.pageInto(table, list, i18n, Bindings.createStringBinding(() -> i18n.get("registrations.related.none")));
        table.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && table.getSelectionModel().getSelectedItem() != null) {
                go.accept(link.apply(table.getSelectionModel().getSelectedItem()));
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                go.accept(link.apply(table.getSelectionModel().getSelectedItem()));
            }
        });
        NumberFormat n = NumberFormat.getIntegerInstance(i18n.locale());
        Label title = new Label();
        title.getStyleClass().add("reg-section-heading");
        title.textProperty().bind(Bindings.createStringBinding(() -> list.stateProperty().get() == io.spineconsole.ui.common.LoadState.LOADED
                        ? i18n.get("registrations.related.heading", heading, n.format(list.approximateTotalProperty().get()))
                        : heading,
                list.stateProperty(), list.approximateTotalProperty()));
        Hyperlink showAll = new Hyperlink(i18n.get("registrations.related.showAll"));
        showAll.setOnAction(e -> go.accept(all));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox links = new HBox(8, showAll, spacer);
        if (create != null) {
            links.getChildren().add(create);
            create.setMinWidth(Region.USE_PREF_SIZE);
        }
        links.setAlignment(Pos.CENTER_LEFT);
        VBox head = new VBox(2, title, links);
        ErrorRow error = ErrorRow.besideData(list.status(), Bindings.isNotEmpty(list.items()), i18n);
        Label hint = Views.muted(i18n.get("registrations.related.hint"));
        return new VBox(6, head, table, error, hint);
    }

    /** "Owner: RR8 Leeds Teaching Hospitals NHS Trust (active)", a link to it. */
    static Node owner(ReadOnlyObjectProperty<Organisation> owner, String odsCode, I18n i18n, Consumer<ConsoleLink> go) {
        Hyperlink link = new Hyperlink();
        link.setGraphic(Icons.of(AppIcon.REGISTRATIONS));
        link.textProperty().bind(Bindings.createStringBinding(() -> {
            Organisation o = owner.get();
            return o == null ? odsCode : i18n.get("registrations.related.ownerLink", o.odsCode(), o.name(),
                    Labels.status(i18n, o.status()));
        }, owner));
        link.setOnAction(e -> go.accept(RecordKind.ORGANISATIONS.link(odsCode)));
        Label label = new Label(i18n.get("registrations.related.owner"));
        label.getStyleClass().add("reg-section-heading");
        return new VBox(4, label, link);
    }

    /** A "New …" button for a related record; disabled unless the role may change registrations. */
    static Button createButton(String text, boolean enabled, Runnable action) {
        Button b = new Button(text, Icons.of(AppIcon.ADD));
        b.getStyleClass().add("small");
        b.setDisable(!enabled);
        b.setOnAction(e -> action.run());
        return b;
    }
}
