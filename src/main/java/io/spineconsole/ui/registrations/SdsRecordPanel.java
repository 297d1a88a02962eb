package io.spineconsole.ui.registrations;

import io.spineconsole.ui.common.I18n;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * "Published in SDS": SDS's record beside ours, one row per field, a field that disagrees marked in words
 * ({@code ≠ differs}) and by its style, not by colour alone; above it, where the lookup stands, in words, with the
 * detail of a failure selectable to copy into a ticket.
 */
final class SdsRecordPanel {
    private SdsRecordPanel() {
    }

    static TitledPane of(SdsRecordViewModel model, I18n i18n) {
        Label status = new Label();
        status.setId("reg-sds-status");
        status.setWrapText(true);
        status.textProperty().bind(model.messageProperty());
        model.stateProperty().addListener((o, a, s) -> {
            status.getStyleClass().removeAll("reg-sds-failed", "reg-sds-different");
            if (s == SdsRecordViewModel.State.FAILED) {
                status.getStyleClass().add("reg-sds-failed");
            } else if (s == SdsRecordViewModel.State.DIFFERENT) {
                status.getStyleClass().add("reg-sds-different");
            }
        });
        TextField detail = new TextField();
        detail.setId("reg-sds-detail");
        detail.setEditable(false);
        detail.textProperty().bind(model.detailProperty());
        detail.visibleProperty().bind(model.detailProperty().isNotEmpty());
        detail.managedProperty().bind(detail.visibleProperty());

        GridPane grid = new GridPane();
        grid.setId("reg-sds-fields");
        grid.getStyleClass().add("reg-sds-grid");
        grid.setHgap(12);
        grid.setVgap(4);
        ColumnConstraints grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(110);
        names.setMaxWidth(170); // a long field name wraps, so the values and the mark keep their room
        grid.getColumnConstraints().addAll(names, grow, grow, new ColumnConstraints());
        Runnable fill = () -> fill(grid, model, i18n);
        model.rows().addListener((ListChangeListener<SdsRecordViewModel.FieldRow>) c -> fill.run());
        fill.run();

        VBox body = new VBox(8, status, detail, grid);
        body.setPadding(new Insets(8));
        TitledPane pane = new TitledPane(i18n.get("registrations.sds.title"), body);
        pane.setId("reg-sds-panel");
        return pane;
    }

    private static void fill(GridPane grid, SdsRecordViewModel model, I18n i18n) {
        grid.getChildren().clear();
        if (model.rows().isEmpty()) {
            return;
        }
        grid.addRow(0, header(i18n.get("registrations.sds.fieldColumn")), header(i18n.get("registrations.sds.oursColumn")),
                header(i18n.get("registrations.sds.sdsColumn")));
        int row = 1;
        for (SdsRecordViewModel.FieldRow f : model.rows()) {
            Label name = new Label(f.label());
            name.setWrapText(true);
            Label ours = value(f.ours());
            Label published = value(f.published());
            Label mark = new Label(f.differs() ? i18n.get("registrations.sds.differsMark") : "");
            mark.setMinWidth(Region.USE_PREF_SIZE);
            if (f.differs()) {
                for (Label l : new Label[] {name, ours, published, mark}) {
                    l.getStyleClass().add("reg-sds-differs");
                }
            }
            grid.addRow(row++, name, ours, published, mark);
        }
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.setWrapText(true); // a column's name wraps rather than being cut short in a narrow detail pane
        l.getStyleClass().add("reg-sds-header");
        return l;
    }

    private static Label value(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }
}
