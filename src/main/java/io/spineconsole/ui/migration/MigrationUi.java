package io.spineconsole.ui.migration;

import io.spineconsole.domain.migration.ComponentState;
import io.spineconsole.domain.audit.AuditEntry;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.ErrorRow;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import io.spineconsole.ui.common.LoadState;
import io.spineconsole.ui.common.LoadStatus;
import io.spineconsole.ui.common.Placeholder;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.function.BooleanSupplier;

/** Small view pieces the migration workspace's tabs share: state badges, section titles, the load placeholder, history. */
final class MigrationUi {
    private MigrationUi() {
    }

    /** A component's state in words, with its family's colour as a stripe (never the only signal). */
    static Label stateBadge(ComponentState state, MigrationLabels labels) {
        Label badge = new Label(labels.state(state));
        badge.getStyleClass().addAll("state-badge", MigrationLabels.stateStyle(state));
        if (state == ComponentState.BLOCKED || state == ComponentState.ROLLED_BACK) {
            badge.setGraphic(Icons.of(AppIcon.WARNING));
        }
        return badge;
    }

    static Label sectionTitle(String text) {
        Label title = new Label(text);
        title.getStyleClass().addAll("migration-section-title", "title-4");
        return title;
    }

    static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("text-muted");
        label.setWrapText(true);
        // Wrapped lines take the height they need, in any box: never cut to one line with an ellipsis.
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    /**
     * The one {@link Placeholder} in a tab's flow, above its data: busy while the first answer is
     * awaited, the empty text, or the failure with Retry and the copy button. It takes no room
     * while the data is shown (or nothing was asked for yet).
     */
    static Placeholder placeholder(LoadStatus status, String emptyText, I18n i18n) {
        Placeholder placeholder = new Placeholder(status, emptyText, i18n);
        placeholder.visibleProperty().bind(Bindings.createBooleanBinding(() -> status.state() != LoadState.LOADED
                && status.state() != LoadState.IDLE, status.stateProperty()));
        placeholder.managedProperty().bind(placeholder.visibleProperty());
        return placeholder;
    }

    /**
     * A failure of a call that follows a load (the next page of history): the data shown stays, and
     * this row says what failed, with the copy button. The load's own failure is the placeholder's.
     */
    static ErrorRow followUpError(LoadStatus status, I18n i18n) {
        return new ErrorRow(Bindings.createStringBinding(() -> status.state() == LoadState.FAILED ? ""
                : status.errorProperty().get(), status.stateProperty(), status.errorProperty()),
                status.errorDetailProperty(), i18n);
    }

    /**
     * An audit history: one row an entry (when, who, what, why, and for a move its from and to),
     * a "show older" button while there is more, and why the older entries could not be read.
     */
    static VBox history(ObservableList<AuditEntry> entries, ObservableValue<Boolean> hasMore, Runnable loadMore,
                        LoadStatus status, MigrationLabels labels, String emptyText) {
        I18n i18n = labels.i18n();
        VBox rows = new VBox(6);
        rows.getStyleClass().add("migration-history");
        Label empty = muted(emptyText);
        Button more = new Button(i18n.get("migration.history.more"));
        more.getStyleClass().add("flat");
        more.setOnAction(e -> loadMore.run());
        more.visibleProperty().bind(Bindings.createBooleanBinding(() -> Boolean.TRUE.equals(hasMore.getValue()), hasMore));
        more.managedProperty().bind(more.visibleProperty());
        Runnable render = () -> {
            rows.getChildren().clear();
            if (entries.isEmpty()) {
                rows.getChildren().add(empty);
            }
            for (AuditEntry e : entries) {
                rows.getChildren().add(historyRow(e, labels));
            }
        };
        entries.addListener((ListChangeListener<AuditEntry>) c -> render.run());
        render.run();
        return new VBox(6, rows, more, followUpError(status, i18n));
    }

    private static Node historyRow(AuditEntry e, MigrationLabels labels) {
        I18n i18n = labels.i18n();
        String who = e.actor() == null ? "" : e.actor().role() == null ? e.actor().name()
                : i18n.get("migration.history.actorWithRole", e.actor().name(), i18n.get("role." + e.actor().role().code()));
        Label head = new Label(labels.dateTimeZoned(e.at()) + " · " + who);
        head.getStyleClass().add("text-muted");
        String what = labels.auditAction(e.action()) + " " + labels.auditSubject(e.entityType(), e.entityId());
        String from = e.beforeValue("state");
        String to = e.afterValue("state");
        if ("transition".equals(e.action()) && to != null) {
            what = i18n.get("migration.history.moved", labels.auditSubject(e.entityType(), e.entityId()),
                    labels.stateCode(from), labels.stateCode(to));
        } else if ("checklist-item".equals(e.entityType()) && e.after() != null && e.before() != null
                && !java.util.Objects.equals(e.beforeValue("done"), e.afterValue("done"))) {
            what = i18n.get("true".equals(e.afterValue("done")) ? "migration.history.itemDone" : "migration.history.itemReopened",
                    labels.auditSubject(e.entityType(), e.entityId()));
        } else if ("runbook-step".equals(e.entityType()) && e.after() != null && e.before() != null
                && !java.util.Objects.equals(e.beforeValue("status"), e.afterValue("status"))) {
            what = i18n.get("migration.history.stepStatus", labels.auditSubject(e.entityType(), e.entityId()),
                    labels.stepStatusCode(e.afterValue("status")));
        }
        Label body = new Label(what);
        body.setWrapText(true);
        body.getStyleClass().add("history-what");
        VBox row = new VBox(1, head, body);
        if (e.reason() != null && !e.reason().isBlank()) {
            Label why = new Label(i18n.get("migration.history.reason", e.reason()));
            why.setWrapText(true);
            row.getChildren().add(why);
        }
        String evidence = e.afterValue("evidence");
        if (evidence != null && !evidence.isBlank() && !java.util.Objects.equals(evidence, e.beforeValue("evidence"))) {
            Label proof = new Label(i18n.get("migration.history.evidence", evidence));
            proof.setWrapText(true);
            proof.getStyleClass().add("text-muted");
            row.getChildren().add(proof);
        }
        row.getStyleClass().add("history-row");
        row.setFocusTraversable(true);
        row.setAccessibleText(head.getText() + ". " + body.getText()
                + (e.reason() == null ? "" : ". " + i18n.get("migration.history.reason", e.reason())));
        return row;
    }

    /** A one-line message (a move's outcome) with a dismiss button; hidden while empty. */
    static HBox outcomeRow(ObservableValue<String> text, Runnable dismiss, I18n i18n) {
        Label label = new Label();
        label.textProperty().bind(text);
        label.setWrapText(true);
        label.getStyleClass().add("migration-outcome-text");
        Button close = Icons.button(AppIcon.CLOSE, i18n.get("migration.dismiss"));
        close.setOnAction(e -> dismiss.run());
        HBox row = new HBox(8, label, close);
        row.getStyleClass().add("migration-outcome");
        row.visibleProperty().bind(Bindings.createBooleanBinding(() -> text.getValue() != null && !text.getValue().isEmpty(), text));
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    /** Runs {@code action} once {@code ready} holds, checking whenever {@code trigger} changes. */
    static void when(BooleanSupplier ready, ObservableValue<?> trigger, Runnable action) {
        if (ready.getAsBoolean()) {
            action.run();
            return;
        }
        javafx.beans.value.ChangeListener<Object> listener = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(ObservableValue<?> o, Object a, Object b) {
                if (ready.getAsBoolean()) {
                    trigger.removeListener(this);
                    action.run();
                }
            }
        };
        trigger.addListener(listener);
    }

    /**
     * A time column's heading names the zone ("Last update (GMT)"), and the table redraws its times
     * when the user switches between UK time and UTC.
     */
    static void zonedColumn(javafx.scene.control.TableView<?> table, javafx.scene.control.TableColumn<?, ?> column,
                            io.spineconsole.ui.common.TimeText time, String caption) {
        column.textProperty().bind(Bindings.createStringBinding(() -> time.withZone(caption), time.zoneProperty()));
        time.zoneProperty().addListener(new javafx.beans.value.WeakChangeListener<>(zoneRedraw(table)));
    }

    private static javafx.beans.value.ChangeListener<Object> zoneRedraw(javafx.scene.control.TableView<?> table) {
        javafx.beans.value.ChangeListener<Object> redraw = (o, a, b) -> table.refresh();
        // Held by the table, so the weak listener lives as long as the table does.
        table.getProperties().put("migration.zoneRedraw", redraw);
        return redraw;
    }
}
