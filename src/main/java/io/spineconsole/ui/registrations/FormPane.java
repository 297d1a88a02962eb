package io.spineconsole.ui.registrations;

import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.ErrorRow;
import io.spineconsole.ui.common.FormRows;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.TimeText;
import io.spineconsole.ui.common.Icons;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The create / edit form of a record: every field with its problem under it as the user types (and as
 * the server judged it), warnings the directory accepts, the conflict view after a 412, and Save /
 * Cancel. A failed save leaves every value as typed.
 *
 * @param <T> the record type
 */
final class FormPane<T> {
    private final BrowserViewModel<T> browser;
    private final RecordForm<T> form;
    private final I18n i18n;
    private final VBox root = new VBox(10);
    private final Label title = new Label();
    private final String idPrefix;
    private Control firstInput;

    /** @param close asks about unsaved changes, then closes the form */
    FormPane(BrowserViewModel<T> browser, I18n i18n, TimeText time, Runnable close) {
        this.browser = browser;
        this.form = browser.form();
        this.i18n = i18n;
        this.idPrefix = "reg-" + browser.kind().path();
        root.setId(idPrefix + "-form");
        root.getStyleClass().add("reg-form");
        root.setPadding(new Insets(12));

        title.getStyleClass().add("title-3");
        title.setId(idPrefix + "-form-title");
        Runnable retitle = () -> title.setText(form.title());
        browser.editingProperty().addListener((o, a, b) -> retitle.run());
        form.creatingProperty().addListener((o, a, b) -> retitle.run());
        form.conflictProperty().addListener((o, a, b) -> retitle.run());

        ConflictView<T> conflict = new ConflictView<>(form, i18n, time, idPrefix);

        ErrorRow error = new ErrorRow(form.errorProperty(), form.errorDetailProperty(), i18n);
        error.setId(idPrefix + "-form-error");
        Label other = new Label();
        other.getStyleClass().add("field-error");
        other.setWrapText(true);
        other.setMinHeight(Region.USE_PREF_SIZE);
        other.textProperty().bind(Bindings.createStringBinding(() -> {
            List<String> lines = new ArrayList<>(form.otherErrors());
            String unplaced = form.crossErrors().get("");
            if (unplaced != null) {
                lines.add(unplaced);
            }
            return String.join("\n", lines);
        }, form.otherErrors(), form.crossErrors()));
        other.visibleProperty().bind(other.textProperty().isNotEmpty());
        other.managedProperty().bind(other.visibleProperty());

        VBox warnings = new VBox(4);
        warnings.getStyleClass().add("reg-warnings");
        warnings.setId(idPrefix + "-form-warnings");
        form.warnings().addListener((ListChangeListener<String>) c -> {
            warnings.getChildren().setAll(form.warnings().stream().map(w -> {
                Label l = new Label(w);
                l.setWrapText(true);
                l.setMinHeight(Region.USE_PREF_SIZE);
                l.setGraphic(Icons.of(AppIcon.WARNING));
                return (Node) l;
            }).toList());
        });
        warnings.visibleProperty().bind(Bindings.isNotEmpty(form.warnings()));
        warnings.managedProperty().bind(warnings.visibleProperty());

        ScrollPane scroll = new ScrollPane(fields());
        scroll.setFitToWidth(true);
        scroll.visibleProperty().bind(form.conflictProperty().isNull());
        scroll.managedProperty().bind(scroll.visibleProperty());
        VBox.setVgrow(conflict.node(), Priority.ALWAYS);
        scroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        Button save = new Button(i18n.get("registrations.form.save"), Icons.of(AppIcon.SAVE_CHANGES));
        save.setId(idPrefix + "-save");
        save.getStyleClass().add("accent");
        save.setTooltip(new javafx.scene.control.Tooltip(i18n.get("registrations.form.saveHint")));
        save.disableProperty().bind(form.savingProperty().or(form.validProperty().not())
                .or(form.dirtyProperty().not().and(form.creatingProperty().not()))
                .or(form.conflictProperty().isNotNull()).or(browser.mayChangeProperty().not()));
        save.setOnAction(e -> browser.save());
        Button cancel = new Button(i18n.get("registrations.form.cancel"), Icons.of(AppIcon.CLOSE));
        cancel.setId(idPrefix + "-cancel");
        cancel.setTooltip(new javafx.scene.control.Tooltip(i18n.get("registrations.form.cancelHint")));
        cancel.setOnAction(e -> close.run());
        ProgressIndicator saving = new ProgressIndicator();
        saving.setPrefSize(18, 18);
        saving.setAccessibleText(i18n.get("registrations.form.saving"));
        saving.visibleProperty().bind(form.savingProperty());
        Label invalid = Views.muted(i18n.get("registrations.form.fixFirst"));
        invalid.visibleProperty().bind(form.validProperty().not().and(form.dirtyProperty().or(form.creatingProperty())));
        invalid.managedProperty().bind(invalid.visibleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, save, cancel, saving, spacer, invalid);
        buttons.setAlignment(Pos.CENTER_LEFT);

        save.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        cancel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        root.getChildren().addAll(title, conflict.node(), error, other, warnings, scroll, buttons);
        for (Node n : root.getChildren()) {
            // The fields and the comparison scroll; everything else keeps its height (no button cut off below).
            if (n != scroll && n != conflict.node() && n instanceof javafx.scene.layout.Region r) {
                r.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        }
    }

    private Node fields() {
        GridPane grid = FormRows.grid();
        grid.setPadding(new Insets(4, 8, 8, 0));
        int row = 0;
        String section = "";
        for (RecordForm<T>.Field f : form.fields()) {
            if (!Objects.equals(section, f.section())) {
                section = f.section();
                Label heading = new Label(section);
                heading.getStyleClass().add("reg-section-heading");
                GridPane.setMargin(heading, new Insets(10, 0, 0, 0));
                grid.add(heading, 0, row++, 2, 1);
            }
            Control input = input(f);
            input.setId(idPrefix + "-field" + f.pointer().replace('/', '-'));
            if (firstInput == null) {
                firstInput = input;
            }
            row = FormRows.add(grid, row, f.label(), input, f.shownErrorProperty());
        }
        return grid;
    }

    private Control input(RecordForm<T>.Field f) {
        Control input;
        switch (f.type()) {
            case MULTILINE -> {
                TextArea area = new TextArea();
                area.setPrefRowCount(3);
                area.setPromptText(i18n.get("registrations.form.onePerLine"));
                area.textProperty().bindBidirectional(f.input().valueProperty());
                input = area;
            }
            case CHOICE -> {
                List<String> codes = new ArrayList<>();
                codes.add("");
                f.choices().forEach(c -> codes.add(c.code()));
                ComboBox<String> combo = new ComboBox<>(FXCollections.observableArrayList(codes));
                combo.setConverter(new StringConverter<>() {
                    @Override
                    public String toString(String code) {
                        if (code == null || code.isEmpty()) {
                            return i18n.get("registrations.form.none");
                        }
                        return f.choices().stream().filter(c -> c.code().equals(code)).map(RecordForm.Choice::label)
                                .findFirst().orElse(code);
                    }

                    @Override
                    public String fromString(String text) {
                        return text;
                    }
                });
                combo.valueProperty().bindBidirectional(f.input().valueProperty());
                input = combo;
            }
            default -> {
                TextField text = new TextField();
                text.textProperty().bindBidirectional(f.input().valueProperty());
                input = text;
            }
        }
        if (f.identity()) {
            input.disableProperty().bind(form.creatingProperty().not());
        } else {
            input.disableProperty().bind(f.relevantProperty().not());
        }
        if (input instanceof TextInputControl t && f.pointer().startsWith("/certificate/not")) {
            t.setPromptText(i18n.get("registrations.form.datePrompt"));
        }
        return input;
    }

    /** Puts the cursor in the first field that can be typed in. */
    void focusFirst() {
        for (Node n : root.lookupAll(".text-field")) {
            if (!n.isDisabled() && n.getId() != null && n.getId().startsWith(idPrefix + "-field")) {
                n.requestFocus();
                return;
            }
        }
        if (firstInput != null) {
            firstInput.requestFocus();
        }
    }

    Node node() {
        return root;
    }

    BrowserViewModel<T> browser() {
        return browser;
    }
}
