package io.spineconsole.ui.registrations;

import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.ConsoleLink;
import io.spineconsole.ui.common.ErrorRow;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.TimeText;
import io.spineconsole.ui.common.Icons;
import io.spineconsole.ui.common.Placeholder;
import io.spineconsole.ui.common.ViewMemory;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One registration list: search and filters (server-side, debounced), a virtualised table fed in pages
 * whose column headers sort on the server, and beside it the detail pane or the form. Keyboard:
 * Ctrl+F search, Ctrl+N new, Ctrl+E edit, Ctrl+S save, Escape close the form.
 *
 * @param <T> the record type
 */
final class BrowserView<T> {
    /** What a list asks of the workspace: dialogs and links. */
    interface Host {
        void openImport(RecordKind<?> kind);

        void openExport(RecordKind<?> kind, io.spineconsole.domain.registrations.RegistrationFilter filter, long total);

        void go(ConsoleLink link);

        void create(RecordKind<?> kind, Map<String, String> prefill);

        /** The SDS connection in use (possibly none). */
        io.spineconsole.ui.common.SdsAccess sds();

        /** The way back to the UI thread, for lookups in SDS. */
        io.spineconsole.ui.common.UiExecutor ui();

        /** Opens directory drift for an organisation and interaction (either may be blank, to be typed). */
        void openDrift(String odsCode, String interaction);
    }

    private final BrowserViewModel<T> model;
    private final RecordKind<T> kind;
    private final I18n i18n;
    private final Host host;
    private final VBox root = new VBox(8);
    private final TableView<T> table = new TableView<>();
    private final ListFilters<T> filters;
    private final DetailView<T> detail;
    private final FormPane<T> form;
    private final Map<TableColumn<T, ?>, String> sorts = new HashMap<>();
    private final String idPrefix;
    private boolean reverting;

    BrowserView(BrowserViewModel<T> model, KindView<T> view, I18n i18n, TimeText time, ViewMemory memory, Host host) {
        this.model = model;
        this.kind = model.kind();
        this.i18n = i18n;
        this.host = host;
        this.idPrefix = "reg-" + kind.path();
        root.setId(idPrefix);
        root.getStyleClass().add("reg-browser");
        root.setPadding(new Insets(10, 12, 8, 12));
        filters = new ListFilters<>(model.list(), i18n, idPrefix);
        detail = new DetailView<>(model, view, i18n, time, host);
        form = new FormPane<>(model, i18n, time, this::closeForm);

        var list = model.list();
        table.setId(idPrefix + "-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        for (KindView.Column<T> c : view.columns()) {
            table.getColumns().add(c.column());
            if (c.sort() != null) {
                c.column().setSortable(true);
                sorts.put(c.column(), c.sort());
            }
        }
        // Sorting is the server's: a header click changes the query, the rows are never sorted here.
        table.setSortPolicy(t -> {
            if (t.getSortOrder().isEmpty()) {
                list.sortProperty().set(kind.defaultSort());
            } else {
                TableColumn<T, ?> c = t.getSortOrder().get(0);
                String code = sorts.get(c);
                if (code != null) {
                    list.sortProperty().set(c.getSortType() == TableColumn.SortType.DESCENDING ? "-" + code : code);
                }
            }
            return true;
        });
        Views.pageInto(table, list.list(), i18n, list.summaryProperty());
        table.getSelectionModel().selectedItemProperty().addListener((o, old, row) -> selected(old, row));
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && model.detail().record() != null) {
                detail.node().requestFocus();
            }
        });

        Label summary = new Label();
        summary.setId(idPrefix + "-summary");
        summary.getStyleClass().add("text-muted");
        summary.textProperty().bind(list.summaryProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.setAccessibleText(i18n.get("common.loading"));
        busy.visibleProperty().bind(list.list().busyProperty());
        HBox status = new HBox(8, summary, busy);
        status.setAlignment(Pos.CENTER_LEFT);
        ErrorRow error = ErrorRow.besideData(list.list().status(), Bindings.isNotEmpty(list.list().items()), i18n);
        VBox left = new VBox(6, table, status, error);
        VBox.setVgrow(table, Priority.ALWAYS);

        // No record yet: why (nothing selected), or that it is being opened, or why it could not be.
        Placeholder placeholder = new Placeholder(model.detail().status(), i18n.get("registrations.detail.placeholder"), i18n);
        placeholder.setPadding(new Insets(24));
        placeholder.setId(idPrefix + "-detail-placeholder");
        StackPane right = new StackPane(placeholder, detail.node(), form.node());
        right.getStyleClass().add("reg-side");
        right.setMinWidth(360);
        placeholder.visibleProperty().bind(model.editingProperty().not().and(model.detail().recordProperty().isNull()));
        detail.node().visibleProperty().bind(model.editingProperty().not().and(model.detail().recordProperty().isNotNull()));
        form.node().visibleProperty().bind(model.editingProperty());
        model.editingProperty().addListener((o, a, editing) -> {
            if (editing) {
                Platform.runLater(form::focusFirst);
            }
        });

        SplitPane split = new SplitPane(left, right);
        split.setOrientation(Orientation.HORIZONTAL);
        String dividerKey = "registrations." + kind.path() + ".divider";
        double divider = memory.recall(dividerKey).map(BrowserView::parseDivider).orElse(0.62);
        split.setDividerPositions(divider);
        split.getDividers().get(0).positionProperty().addListener((o, a, p) ->
                memory.remember(dividerKey, String.format(java.util.Locale.ROOT, "%.3f", p.doubleValue())));
        VBox.setVgrow(split, Priority.ALWAYS);

        root.getChildren().addAll(toolbar(), filters.fields(), split);
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
    }

    private static double parseDivider(String text) {
        try {
            double d = Double.parseDouble(text);
            return d > 0.2 && d < 0.85 ? d : 0.62;
        } catch (NumberFormatException e) {
            return 0.62;
        }
    }

    private Node toolbar() {
        var list = model.list();
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button copyLink = Icons.button(AppIcon.LINK, i18n.get("registrations.list.copyLink"));
        copyLink.setOnAction(e -> ErrorRow.copyToClipboard(list.link().toString()));
        Button export = Icons.button(AppIcon.EXPORT, i18n.get("registrations.export.button"));
        export.setId(idPrefix + "-export");
        export.setOnAction(e -> host.openExport(kind, list.filter(), list.list().approximateTotalProperty().get()));
        Button importButton = Icons.button(AppIcon.IMPORT, i18n.get("registrations.import.button"));
        importButton.setId(idPrefix + "-import");
        importButton.setOnAction(e -> host.openImport(kind));
        importButton.disableProperty().bind(model.mayPreviewImportProperty().not());
        Button create = new Button(Labels.newRecord(i18n, kind), Icons.of(AppIcon.ADD));
        create.setId(idPrefix + "-new");
        create.setTooltip(new Tooltip(i18n.get("registrations.list.newHint")));
        create.disableProperty().bind(model.mayChangeProperty().not());
        create.setOnAction(e -> startCreate(Map.of()));
        create.setMinWidth(Region.USE_PREF_SIZE);

        HBox bar = new HBox(8);
        bar.getChildren().addAll(filters.toolbarControls());
        bar.getChildren().addAll(spacer, copyLink, export, importButton, create);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private void selected(T old, T row) {
        if (reverting || row == null) {
            return;
        }
        T shown = model.detail().record();
        if (shown != null && kind.id(shown).equals(kind.id(row))) {
            return;
        }
        if (model.editingProperty().get()) {
            if (!Guard.mayDiscard(window(), i18n, model.unsavedChanges())) {
                reverting = true;
                Platform.runLater(() -> {
                    if (old != null) {
                        table.getSelectionModel().select(old);
                    } else {
                        table.getSelectionModel().clearSelection();
                    }
                    reverting = false;
                });
                return;
            }
            model.closeEditor();
        }
        model.select(row);
    }

    private javafx.stage.Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private void keys(KeyEvent e) {
        if (e.isShortcutDown() && e.getCode() == KeyCode.F) {
            filters.search().requestFocus();
            filters.search().selectAll();
            e.consume();
        } else if (e.isShortcutDown() && e.getCode() == KeyCode.N && model.mayChangeProperty().get()) {
            startCreate(Map.of());
            e.consume();
        } else if (e.isShortcutDown() && e.getCode() == KeyCode.E && !model.editingProperty().get()) {
            model.startEdit();
            e.consume();
        } else if (e.isShortcutDown() && e.getCode() == KeyCode.S && model.editingProperty().get()) {
            model.save();
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE && model.editingProperty().get()) {
            closeForm();
            e.consume();
        }
    }

    /** Closes the form, after asking when it holds unsaved changes. */
    void closeForm() {
        if (Guard.mayDiscard(window(), i18n, model.unsavedChanges())) {
            model.closeEditor();
        }
    }

    /** Starts a new record, after asking about an unsaved edit. */
    void startCreate(Map<String, String> prefill) {
        if (model.editingProperty().get() && !Guard.mayDiscard(window(), i18n, model.unsavedChanges())) {
            return;
        }
        model.startCreate(prefill);
    }

    /** True when nothing unsaved is open here, or the user chose to discard it (then the form is closed). */
    boolean mayLeaveForm() {
        if (!model.editingProperty().get()) {
            return true;
        }
        if (Guard.mayDiscard(window(), i18n, model.unsavedChanges())) {
            model.closeEditor();
            return true;
        }
        return false;
    }

    void focusSearch() {
        filters.search().requestFocus();
    }

    DetailView<T> detail() {
        return detail;
    }

    TableView<T> table() {
        return table;
    }

    Node node() {
        return root;
    }

    BrowserViewModel<T> model() {
        return model;
    }

    Consumer<ConsoleLink> go() {
        return host::go;
    }
}
