package io.spineconsole.ui.registrations;

import io.spineconsole.domain.messages.MessagingPattern;
import io.spineconsole.domain.registrations.RegistrationStatus;
import io.spineconsole.domain.registrations.OrganisationKind;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import io.spineconsole.ui.common.ValidatedField;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.SetChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A list's search controls, bound to its {@link RecordListViewModel}: the free text, statuses, sort and
 * "clear" for the toolbar, and below it the filter fields the record type offers, with the problem of a
 * value that cannot be valid.
 *
 * @param <T> the record type
 */
final class ListFilters<T> {
    private static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");

    private final RecordListViewModel<T> list;
    private final RecordKind<T> kind;
    private final I18n i18n;
    private final String idPrefix;
    private final TextField search = new TextField();

    ListFilters(RecordListViewModel<T> list, I18n i18n, String idPrefix) {
        this.list = list;
        this.kind = list.kind();
        this.i18n = i18n;
        this.idPrefix = idPrefix;
    }

    /** The search icon and field, the status menu, the sort and the button that clears every filter. */
    List<Node> toolbarControls() {
        search.setId(idPrefix + "-search");
        search.setPromptText(Labels.searchPrompt(i18n, kind));
        search.setAccessibleText(i18n.get("registrations.search.label", Labels.plural(i18n, kind)));
        search.textProperty().bindBidirectional(list.queryProperty());
        search.setPrefWidth(300);
        search.setMinWidth(140);
        HBox.setHgrow(search, Priority.SOMETIMES);
        Label searchIcon = new Label(null, Icons.of(AppIcon.SEARCH));

        MenuButton statuses = new MenuButton();
        statuses.setId(idPrefix + "-status-filter");
        for (RegistrationStatus s : RegistrationStatus.values()) {
            CheckMenuItem item = new CheckMenuItem(Labels.status(i18n, s));
            item.setSelected(list.statuses().contains(s));
            item.selectedProperty().addListener((o, a, on) -> {
                if (on) {
                    list.statuses().add(s);
                } else {
                    list.statuses().remove(s);
                }
            });
            list.statuses().addListener((SetChangeListener<RegistrationStatus>) c -> item.setSelected(list.statuses().contains(s)));
            statuses.getItems().add(item);
        }
        Runnable statusText = () -> statuses.setText(list.statuses().isEmpty() ? i18n.get("registrations.filter.anyStatus")
                : i18n.get("registrations.filter.statuses", Arrays.stream(RegistrationStatus.values())
                .filter(list.statuses()::contains).map(s -> Labels.status(i18n, s)).collect(Collectors.joining(", "))));
        statusText.run();
        list.statuses().addListener((SetChangeListener<RegistrationStatus>) c -> statusText.run());
        // Says every status chosen, never cut: the search field gives way instead.
        statuses.setMinWidth(Region.USE_PREF_SIZE);

        ComboBox<String> sort = new ComboBox<>(FXCollections.observableArrayList(list.sortCodes()));
        sort.setId(idPrefix + "-sort");
        sort.setConverter(Views.converter(code -> Labels.sort(i18n, code)));
        sort.valueProperty().bindBidirectional(list.sortProperty());
        sort.setAccessibleText(i18n.get("registrations.filter.sort"));
        sort.setTooltip(new Tooltip(i18n.get("registrations.filter.sort")));

        Button clear = Icons.button(AppIcon.CLOSE, i18n.get("registrations.filter.clear"));
        clear.setId(idPrefix + "-clear-filters");
        clear.setOnAction(e -> list.clearFilters());
        return List.of(searchIcon, search, statuses, sort, clear);
    }

    /** The filter fields this record type offers, and the problem of one that cannot be valid. */
    Node fields() {
        FlowPane pane = new FlowPane(8, 6);
        pane.setAlignment(Pos.CENTER_LEFT);
        if (kind.offers(RecordKind.Filter.KIND)) {
            ComboBox<OrganisationKind> kinds = new ComboBox<>();
            kinds.getItems().add(null);
            kinds.getItems().addAll(OrganisationKind.values());
            kinds.setConverter(Views.converter(k -> k == null ? i18n.get("registrations.filter.anyKind") : Labels.kind(i18n, k)));
            kinds.valueProperty().bindBidirectional(list.organisationKindProperty());
            kinds.setAccessibleText(i18n.get("registrations.field.kind"));
            kinds.setId(idPrefix + "-kind-filter");
            pane.getChildren().add(kinds);
        }
        if (kind.offers(RecordKind.Filter.PARENT)) {
            pane.getChildren().add(field(list.parent(), i18n.get("registrations.filter.parent"), i18n.get("registrations.filter.parentPrompt"), "parent", 168));
        }
        if (kind.offers(RecordKind.Filter.ODS)) {
            pane.getChildren().add(field(list.ods(), i18n.get("registrations.filter.ods"), i18n.get("registrations.filter.odsPrompt"), "ods", 168));
        }
        if (kind.offers(RecordKind.Filter.PARTY_KEY)) {
            pane.getChildren().add(field(list.partyKey(), i18n.get("registrations.filter.partyKey"), i18n.get("registrations.filter.partyKeyPrompt"), "party-key", 215));
        }
        if (kind.offers(RecordKind.Filter.INTERACTION)) {
            pane.getChildren().add(field(list.interaction(), i18n.get("registrations.filter.interaction"),
                    i18n.get("registrations.filter.interactionPrompt"), "interaction", 230));
        }
        if (kind.offers(RecordKind.Filter.PATTERN)) {
            ComboBox<MessagingPattern> patterns = new ComboBox<>();
            patterns.getItems().add(null);
            patterns.getItems().addAll(MessagingPattern.values());
            patterns.setConverter(Views.converter(p -> p == null ? i18n.get("registrations.filter.anyPattern") : p.code()));
            patterns.valueProperty().bindBidirectional(list.patternProperty());
            patterns.setAccessibleText(i18n.get("registrations.field.pattern"));
            patterns.setId(idPrefix + "-pattern-filter");
            pane.getChildren().add(patterns);
        }
        if (kind.offers(RecordKind.Filter.CERTIFICATE_EXPIRY)) {
            ComboBox<Integer> expiry = new ComboBox<>(FXCollections.observableArrayList(Arrays.asList(null, 30, 60, 90)));
            expiry.setConverter(Views.converter(d -> d == null ? i18n.get("registrations.filter.anyExpiry")
                    : i18n.get("registrations.filter.expiring", d)));
            expiry.valueProperty().bindBidirectional(list.expiringWithinDaysProperty());
            expiry.setAccessibleText(i18n.get("registrations.field.certificate"));
            expiry.setId(idPrefix + "-expiry-filter");
            pane.getChildren().add(expiry);
        }
        Label problem = new Label();
        problem.getStyleClass().add("field-error");
        problem.setId(idPrefix + "-filter-error");
        problem.textProperty().bind(Bindings.createStringBinding(() -> {
            for (ValidatedField f : List.of(list.parent(), list.ods(), list.partyKey(), list.interaction())) {
                if (!f.errorProperty().get().isEmpty()) {
                    return i18n.get("registrations.filter.problem", f.errorProperty().get());
                }
            }
            return "";
        }, list.parent().errorProperty(), list.ods().errorProperty(), list.partyKey().errorProperty(),
                list.interaction().errorProperty()));
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        return new VBox(4, pane, problem);
    }

    /** A filter field named for screen readers, whose prompt is an example (never a value that looks applied). */
    private Node field(ValidatedField field, String name, String prompt, String id, double width) {
        TextField text = new TextField();
        text.setId(idPrefix + "-" + id + "-filter");
        text.setPromptText(prompt);
        text.setAccessibleText(name);
        text.setPrefWidth(width);
        // The example in the box ("Owner ODS, e.g. RR8") is read whole; the row wraps instead.
        text.setMinWidth(Region.USE_PREF_SIZE);
        text.textProperty().bindBidirectional(field.valueProperty());
        field.errorProperty().addListener((o, a, e) -> text.pseudoClassStateChanged(DANGER, !e.isEmpty()));
        return text;
    }

    /** The free-text search field (Ctrl+F focuses it). */
    TextField search() {
        return search;
    }
}
