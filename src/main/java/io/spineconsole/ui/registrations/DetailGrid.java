package io.spineconsole.ui.registrations;

import io.spineconsole.domain.registrations.RegistrationTransition;
import io.spineconsole.ui.common.Grids;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.TimeText;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

import java.time.Instant;
import java.util.List;

/** A label / value grid for a record's members; values are selectable text, so they can be copied. */
final class DetailGrid {
    private final GridPane grid = new GridPane();
    private final I18n i18n;
    private final TimeText time;
    private int row;

    DetailGrid(I18n i18n, TimeText time) {
        this.i18n = i18n;
        this.time = time;
        grid.setHgap(12);
        grid.setVgap(6);
        grid.getColumnConstraints().addAll(Grids.labelColumn(), Grids.growingColumn());
        grid.getStyleClass().add("reg-detail-grid");
    }

    /** A row; a null or blank value shows "—". */
    DetailGrid add(String label, String value) {
        return add(label, value(value));
    }

    DetailGrid add(String label, Node value) {
        Label name = new Label(label);
        name.getStyleClass().add("form-label");
        if (value instanceof javafx.scene.control.Control c) {
            name.setLabelFor(c);
            if (c instanceof Label l) {
                c.setAccessibleText(label + ": " + l.getText());
            }
        }
        grid.add(name, 0, row);
        grid.add(value, 1, row);
        row++;
        return this;
    }

    /** Several lines as one value (interactions). */
    DetailGrid lines(String label, List<String> values) {
        if (values == null || values.isEmpty()) {
            return add(label, "");
        }
        Label lines = value(String.join("\n", values));
        lines.getStyleClass().add("reg-detail-lines");
        return add(label, lines);
    }

    /**
     * A time row: the label names the zone ("Updated (GMT)"), the value is the time in the one style with
     * a relative hint and {@code words} around it ({0} the time), and copying it copies ISO-8601.
     */
    DetailGrid time(String label, Instant at, String words) {
        if (at == null) {
            return add(label, "");
        }
        String shown = words.replace("{0}", i18n.get("registrations.detail.timeWithHint", time.dateTime(at), time.relative(at)));
        return add(time.withZone(label), value(shown, time.iso(at)));
    }

    /** A day row (a certificate's validity, which may be years away): the date with its year and a relative hint. */
    DetailGrid date(String label, Instant at) {
        if (at == null) {
            return add(label, "");
        }
        return add(label, value(i18n.get("registrations.detail.timeWithHint", time.date(at), time.relative(at)), time.iso(at)));
    }

    /** A value as wrapping text, with a menu (right-click or the menu key) to copy it. */
    private Label value(String text) {
        return value(text, text);
    }

    /** A value shown as {@code text}, copied as {@code copied} (a time copies as ISO-8601). */
    private Label value(String text, String copied) {
        boolean blank = text == null || text.isBlank();
        Label l = new Label(blank ? "\u2014" : text);
        l.getStyleClass().add("reg-detail-value");
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        l.setFocusTraversable(!blank);
        if (!blank) {
            javafx.scene.control.MenuItem copy = new javafx.scene.control.MenuItem(i18n.get("registrations.detail.copyValue"));
            copy.setOnAction(e -> io.spineconsole.ui.common.ErrorRow.copyToClipboard(copied));
            l.setContextMenu(new javafx.scene.control.ContextMenu(copy));
        }
        return l;
    }

    DetailGrid heading(String text) {
        Label h = new Label(text);
        h.getStyleClass().add("reg-section-heading");
        grid.add(h, 0, row, 2, 1);
        row++;
        return this;
    }

    /** Status, last transition, created, updated and version: the bookkeeping every record has. */
    DetailGrid bookkeeping(RegistrationTransition last, Instant createdAt, String createdBy, Instant updatedAt,
                           String updatedBy, long version) {
        if (last != null) {
            time(i18n.get("registrations.field.lastTransition"), last.at(), i18n.get("registrations.detail.transition",
                    Labels.action(i18n, last.action()), last.by(), "{0}", last.reason() == null ? "—" : last.reason()));
        }
        time(i18n.get("registrations.field.created"), createdAt, i18n.get("registrations.detail.when", "{0}", createdBy));
        time(i18n.get("registrations.field.updated"), updatedAt, i18n.get("registrations.detail.when", "{0}", updatedBy));
        add(i18n.get("registrations.field.version"), Long.toString(version));
        return this;
    }

    Node node() {
        return grid;
    }
}
