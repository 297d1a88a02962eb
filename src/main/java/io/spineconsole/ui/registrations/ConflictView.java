package io.spineconsole.ui.registrations;

import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.Grids;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.TimeText;
import io.spineconsole.ui.common.Icons;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * After a 412: "someone else saved first", then my values beside theirs field by field (differences
 * marked with an icon and in words, not colour alone), and the two ways on: re-apply mine on their
 * version, or take theirs.
 *
 * @param <T> the record type
 */
final class ConflictView<T> {
    private final RecordForm<T> form;
    private final I18n i18n;
    private final TimeText time;
    private final VBox root = new VBox(8);
    private final Label header = new Label();
    private final GridPane grid = new GridPane();
    private final CheckBox onlyDifferences;

    ConflictView(RecordForm<T> form, I18n i18n, TimeText time, String idPrefix) {
        this.form = form;
        this.i18n = i18n;
        this.time = time;
        root.setId(idPrefix + "-conflict");
        root.getStyleClass().add("reg-conflict");
        root.setPadding(new Insets(10));
        header.setWrapText(true);
        header.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        header.setGraphic(Icons.of(AppIcon.COMPARE));
        header.getStyleClass().add("reg-conflict-header");
        onlyDifferences = new CheckBox(i18n.get("registrations.conflict.onlyDifferences"));
        onlyDifferences.setSelected(true);
        onlyDifferences.selectedProperty().addListener((o, a, b) -> rebuild());
        grid.setHgap(12);
        grid.setVgap(4);
        // Each field on its own lines, mine above theirs: a narrow pane shows both values whole.
        grid.getColumnConstraints().addAll(Grids.labelColumn(), Grids.growingColumn());
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        scroll.getStyleClass().add("edge-to-edge");

        Button reapply = new Button(i18n.get("registrations.conflict.reapply"), Icons.of(AppIcon.EDIT));
        reapply.setId(idPrefix + "-reapply");
        reapply.getStyleClass().add("accent");
        reapply.setOnAction(e -> {
            ConflictViewModel<T> c = form.conflictProperty().get();
            if (c != null) {
                c.reapplyMine();
            }
        });
        Button theirs = new Button(i18n.get("registrations.conflict.takeTheirs"), Icons.of(AppIcon.REFRESH));
        theirs.setId(idPrefix + "-take-theirs");
        theirs.setOnAction(e -> {
            ConflictViewModel<T> c = form.conflictProperty().get();
            if (c != null) {
                c.takeTheirs();
            }
        });
        Label explain = Views.muted(i18n.get("registrations.conflict.explain"));
        explain.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        scroll.setMinHeight(90);
        Node buttons = Views.toolbar(reapply, theirs);
        ((Region) buttons).setMinHeight(Region.USE_PREF_SIZE);
        onlyDifferences.setMinHeight(Region.USE_PREF_SIZE);
        root.getChildren().addAll(header, onlyDifferences, scroll, explain, buttons);
        root.visibleProperty().bind(form.conflictProperty().isNotNull());
        root.managedProperty().bind(root.visibleProperty());
        form.conflictProperty().addListener((o, a, b) -> rebuild());
    }

    private void rebuild() {
        grid.getChildren().clear();
        ConflictViewModel<T> c = form.conflictProperty().get();
        if (c == null) {
            return;
        }
        header.setText(i18n.get("registrations.conflict.header", c.theirsVersion(), c.theirsBy() == null ? "?" : c.theirsBy(),
                time.dateTime(c.theirsAt()), time.zoneName(c.theirsAt()), time.relative(c.theirsAt()),
                c.differences().size(), c.clashes()));
        int row = 0;
        for (ConflictViewModel.Row r : onlyDifferences.isSelected() ? c.differences() : c.rows()) {
            Label name = new Label(r.label());
            name.getStyleClass().add("reg-section-heading");
            if (r.differs()) {
                name.setGraphic(Icons.of(r.clash() ? AppIcon.WARNING : AppIcon.COMPARE));
                name.getStyleClass().add("reg-conflict-differs");
            }
            grid.add(name, 0, row++, 2, 1);
            grid.add(side(i18n.get("registrations.conflict.mine")), 0, row);
            grid.add(value(r.mine(), r.differs() && r.changedByMe(), i18n.get("registrations.conflict.youChanged")), 1, row++);
            grid.add(side(i18n.get("registrations.conflict.theirs")), 0, row);
            grid.add(value(r.theirs(), r.differs() && r.changedByThem(), i18n.get("registrations.conflict.theyChanged")), 1, row++);
        }
        if (row == 0) {
            grid.add(Views.muted(i18n.get("registrations.conflict.noDifferences")), 0, 0, 2, 1);
        }
    }

    private static Label side(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("form-label");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private Label value(String text, boolean changed, String changedNote) {
        String shown = text == null || text.isBlank() ? "—" : text.replace("\n", ", ");
        Label l = new Label(changed ? shown + "  (" + changedNote + ")" : shown);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        if (changed) {
            l.getStyleClass().add("reg-conflict-changed");
        }
        GridPane.setHgrow(l, Priority.ALWAYS);
        return l;
    }

    Node node() {
        return root;
    }
}
