package io.spineconsole.ui.registrations;

import io.spineconsole.domain.registrations.RegistrationStatus;
import io.spineconsole.domain.registrations.Certificate;
import io.spineconsole.domain.registrations.CertificateState;
import io.spineconsole.domain.registrations.Severity;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.TimeText;
import io.spineconsole.ui.common.Icons;
import io.spineconsole.ui.common.PagedList;
import io.spineconsole.ui.common.Placeholder;
import io.spineconsole.ui.common.TextCells;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;

import java.util.function.Function;

/** Small view pieces the registrations views share: status badges, dates, table columns, paging. */
final class Views {
    private Views() {
    }

    /** A status in words with an icon, styled by status (never by colour alone). */
    static Label status(I18n i18n, RegistrationStatus s) {
        Label l = new Label(Labels.status(i18n, s));
        l.getStyleClass().addAll("reg-status", "reg-status-" + (s == null ? "none" : s.code()));
        if (s != null) {
            l.setGraphic(Icons.of(switch (s) {
                case REQUESTED -> AppIcon.CONNECTING;
                case APPROVED -> AppIcon.APPROVED;
                case ACTIVE -> AppIcon.ONLINE;
                case SUSPENDED -> AppIcon.SUSPENDED;
                case RETIRED -> AppIcon.RETIRED;
            }));
        }
        return l;
    }

    static Label severity(I18n i18n, Severity s) {
        Label l = new Label(Labels.severity(i18n, s));
        l.getStyleClass().addAll("reg-severity", "reg-severity-" + s.code());
        l.setGraphic(Icons.of(switch (s) {
            case ERROR -> AppIcon.ERROR;
            case WARNING -> AppIcon.WARNING;
            case INFO -> AppIcon.ABOUT;
        }));
        return l;
    }

    /** "12 Mar 2027 · 41 days" with the certificate's state in words and a style for it. */
    static Label certificate(I18n i18n, TimeText time, Certificate c) {
        if (c == null) {
            Label none = new Label(i18n.get("registrations.certificate.none"));
            none.getStyleClass().addAll("reg-cert", "reg-cert-none");
            none.setGraphic(Icons.of(AppIcon.WARNING));
            return none;
        }
        String days = c.state() == CertificateState.EXPIRED ? i18n.get("registrations.certificate.expiredDaysAgo", -c.daysToExpiry())
                : i18n.get("registrations.certificate.daysLeft", c.daysToExpiry());
        Label l = new Label(i18n.get("registrations.certificate.cell", time.date(c.notAfter()), days,
                Labels.certificateState(i18n, c.state())));
        l.getStyleClass().addAll("reg-cert", "reg-cert-" + c.state().code());
        if (c.state() != CertificateState.VALID) {
            l.setGraphic(Icons.of(c.state() == CertificateState.EXPIRED ? AppIcon.ERROR : AppIcon.WARNING));
        }
        return l;
    }

    /** A certificate in a table cell: days left (or since it ended) with an icon when it needs attention. */
    static Label certificateShort(I18n i18n, Certificate c) {
        if (c == null) {
            Label none = new Label(i18n.get("registrations.certificate.none"));
            none.getStyleClass().addAll("reg-cert", "reg-cert-none");
            none.setGraphic(Icons.of(AppIcon.WARNING));
            return none;
        }
        Label l = new Label(c.state() == CertificateState.EXPIRED
                ? i18n.get("registrations.certificate.expiredDaysAgo", -c.daysToExpiry())
                : c.state() == CertificateState.NOT_YET_VALID ? Labels.certificateState(i18n, c.state())
                : i18n.get("registrations.certificate.daysLeft", c.daysToExpiry()));
        l.getStyleClass().addAll("reg-cert", "reg-cert-" + c.state().code());
        l.setGraphic(Icons.of(c.state() == CertificateState.EXPIRED ? AppIcon.ERROR
                : c.state() == CertificateState.VALID ? AppIcon.CERTIFICATE : AppIcon.WARNING));
        return l;
    }

    /** A table that fits many rows: dense and striped. */
    static void dense(javafx.scene.control.TableView<?> table) {
        table.getStyleClass().addAll("dense", "striped");
    }

    /** A table column whose cells show {@code node(row)}. */
    /** A record's status column: wide enough for the longest status in words with its icon ("Suspended"). */
    static <T> TableColumn<T, T> statusColumn(I18n i18n, Function<T, RegistrationStatus> status) {
        return nodeColumn(i18n.get("registrations.field.status"), r -> status(i18n, status.apply(r)), 116);
    }

    /**
     * A status column for a narrow side table: the status's icon, its words on hover and for a screen
     * reader (the icons differ in shape, so colour is never the only signal).
     */
    static <T> TableColumn<T, T> statusIconColumn(I18n i18n, Function<T, RegistrationStatus> status) {
        return nodeColumn(i18n.get("registrations.field.status"), r -> {
            Label l = status(i18n, status.apply(r));
            l.setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
            l.setTooltip(new javafx.scene.control.Tooltip(l.getText()));
            l.setAccessibleText(l.getText());
            return l;
        }, 64);
    }

    static <T> TableColumn<T, T> nodeColumn(String title, Function<T, Node> node, double width) {
        TableColumn<T, T> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new javafx.beans.property.SimpleObjectProperty<>(cd.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                setGraphic(empty || item == null ? null : node.apply(item));
            }
        });
        c.setPrefWidth(width);
        c.setMinWidth(width);
        c.setSortable(false);
        return c;
    }

    /** Lets a column give way first when the table is narrow (the others keep their width). */
    static <T, V> TableColumn<T, V> flex(TableColumn<T, V> column) {
        column.setMinWidth(60);
        return column;
    }

    /** A table column of text; a cell too narrow for its text shows all of it in a tooltip. */
    static <T> TableColumn<T, String> textColumn(String title, Function<T, String> text, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new javafx.beans.property.SimpleStringProperty(text.apply(cd.getValue())));
        c.setCellFactory(TextCells.withTooltip());
        c.setPrefWidth(width);
        c.setMinWidth(width);
        c.setSortable(false);
        return c;
    }

    /**
     * A column for an explanation (a finding, a reason, an error): its text wraps to the column's width,
     * so the row grows rather than cutting the explanation off.
     */
    static <T> TableColumn<T, String> wrapColumn(String title, Function<T, String> text, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new javafx.beans.property.SimpleStringProperty(text.apply(cd.getValue())));
        TextCells.wrapping(c);
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 160));
        c.setSortable(false);
        return c;
    }

    /**
     * Feeds a virtualised table from a {@link PagedList}: the next page is asked for when a row near the
     * end is shown; the {@link Placeholder} says loading, empty or failed (with Retry).
     */
    static <T> void pageInto(TableView<T> table, PagedList<T> list, I18n i18n, ObservableValue<String> emptyText) {
        dense(table);
        table.setItems(list.items());
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                if (!empty && getIndex() >= list.items().size() - 20 && list.hasMoreProperty().get()) {
                    Platform.runLater(list::loadMore);
                }
            }
        });
        table.setPlaceholder(new Placeholder(list.status(), emptyText, i18n));
    }

    /**
     * A toolbar that wraps rather than clips: each group keeps its natural width (no button is cut to
     * "Ex…"), and a group that does not fit goes to the next line.
     */
    static Node toolbar(Node... groups) {
        javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(16, 6, groups);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.getStyleClass().add("reg-toolbar");
        for (Node g : groups) {
            keepWidth(g);
        }
        return bar;
    }

    /** Stops a button (or every button in a group) from shrinking below its text. */
    static void keepWidth(Node node) {
        if (node instanceof javafx.scene.control.Control c) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        } else if (node instanceof javafx.scene.layout.Pane p) {
            p.setMinWidth(Region.USE_PREF_SIZE);
            p.getChildren().forEach(Views::keepWidth);
        }
    }

    /** A muted one-line hint. */
    static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("text-muted");
        l.setWrapText(true);
        return l;
    }

    /** A converter for choice boxes that only show values. */
    static <V> javafx.util.StringConverter<V> converter(Function<V, String> text) {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(V v) {
                return text.apply(v);
            }

            @Override
            public V fromString(String s) {
                return null;
            }
        };
    }
}
