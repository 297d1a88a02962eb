package io.spineconsole.ui.messages;

import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.messages.MessageStatuses;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * The search's filters, each with its problem under it as it is typed (Enter searches at once), and
 * under them the filters that came from elsewhere (a failure group, a chart) as chips, each removable.
 */
final class SearchFilterBar extends VBox {
    private final SearchViewModel model;
    private final SearchForm form;
    private final MessageText text;
    private final I18n i18n;

    SearchFilterBar(SearchViewModel model, MessageText text) {
        super(8);
        this.model = model;
        this.form = model.form();
        this.text = text;
        this.i18n = text.i18n();
        getChildren().addAll(filters(), chips());
    }

    private FlowPane filters() {
        TextField conversation = input("messages-filter-conversation", i18n.get("messages.filter.conversationPrompt"));
        // Placeholders read as examples ("e.g. RR8"), never as a filter already filled in.
        TextField ods = input("messages-filter-ods", example("RR8"));
        TextField asid = input("messages-filter-asid", example("200000000985"));
        TextField partyKey = input("messages-filter-party-key", example("YES-0000806"));
        TextField interaction = input("messages-filter-interaction", example("urn:nhs:names:services:…"));

        ComboBox<TimeRange> range = new ComboBox<>();
        range.setId("messages-filter-range");
        range.getItems().setAll(TimeRange.values());
        range.valueProperty().bindBidirectional(form.rangeProperty());
        range.setCellFactory(l -> Views.rangeCell(text));
        range.setButtonCell(Views.rangeCell(text));
        TextField from = input("messages-filter-from", i18n.get("messages.filter.timePrompt"));
        TextField to = input("messages-filter-to", i18n.get("messages.filter.toPrompt"));
        var fromBox = Views.field(i18n.get("messages.filter.from"), from, form.from(), 130);
        var toBox = Views.field(i18n.get("messages.filter.to"), to, form.to(), 130);
        fromBox.visibleProperty().bind(form.rangeProperty().isEqualTo(TimeRange.CUSTOM));
        fromBox.managedProperty().bind(fromBox.visibleProperty());
        toBox.visibleProperty().bind(fromBox.visibleProperty());
        toBox.managedProperty().bind(fromBox.visibleProperty());

        for (TextField t : List.of(conversation, ods, asid, partyKey, interaction, from, to)) {
            t.setOnAction(e -> model.runRequested());
        }
        FlowPane bar = new FlowPane(10, 6,
                Views.field(i18n.get("messages.filter.conversation"), conversation, form.conversationId(), 215),
                Views.field(i18n.get("messages.filter.ods"), ods, form.ods(), 90),
                Views.field(i18n.get("messages.filter.asid"), asid, form.asid(), 140),
                Views.field(i18n.get("messages.filter.partyKey"), partyKey, form.partyKey(), 135),
                Views.field(i18n.get("messages.filter.interaction"), interaction, form.interaction(), 185),
                Views.field(i18n.get("messages.filter.status"), statusMenu(), Bindings.createStringBinding(() -> ""), 135),
                Views.field(i18n.get("messages.filter.range"), range, Bindings.createStringBinding(() -> ""), 145),
                fromBox, toBox);
        bar.getStyleClass().add("filter-bar");
        return bar;
    }

    private String example(String value) {
        return i18n.get("messages.filter.example", value);
    }

    private static TextField input(String id, String prompt) {
        TextField t = new TextField();
        t.setId(id);
        t.setPromptText(prompt);
        return t;
    }

    /** The statuses as a checklist, with "any failure" on top; its button names what is chosen. */
    private MenuButton statusMenu() {
        MenuButton status = new MenuButton();
        status.setId("messages-filter-status");
        CheckMenuItem anyFailed = new CheckMenuItem(i18n.get("messages.filter.anyFailure"));
        anyFailed.setId("messages-status-any-failure");
        anyFailed.setOnAction(e -> {
            if (anyFailed.isSelected()) {
                form.statuses().setAll(MessageStatuses.FAILED.stream().sorted().toList());
            } else {
                form.statuses().removeAll(MessageStatuses.FAILED);
            }
        });
        status.getItems().addAll(anyFailed, new SeparatorMenuItem());
        for (MessageStatus s : MessageStatus.values()) {
            CheckMenuItem item = new CheckMenuItem(text.status(s), Icons.of(MessageText.statusIcon(s)));
            item.setId("messages-status-" + s.code());
            item.setOnAction(e -> {
                if (item.isSelected() && !form.statuses().contains(s)) {
                    form.statuses().add(s);
                } else if (!item.isSelected()) {
                    form.statuses().remove(s);
                }
            });
            status.getItems().add(item);
        }
        Runnable sync = () -> {
            List<MessageStatus> chosen = form.statuses();
            for (MenuItem mi : status.getItems()) {
                if (mi instanceof CheckMenuItem c && c != anyFailed) {
                    String code = c.getId().substring("messages-status-".length());
                    c.setSelected(chosen.stream().anyMatch(s -> s.code().equals(code)));
                }
            }
            anyFailed.setSelected(chosen.containsAll(MessageStatuses.FAILED));
            status.setText(chosen.isEmpty() ? i18n.get("messages.filter.anyStatus")
                    : chosen.size() == 1 ? text.status(chosen.get(0))
                    : chosen.containsAll(MessageStatuses.FAILED) && chosen.size() == MessageStatuses.FAILED.size()
                    ? i18n.get("messages.filter.anyFailure")
                    : i18n.get("messages.filter.statusCount", chosen.size()));
        };
        form.statuses().addListener((ListChangeListener<MessageStatus>) c -> sync.run());
        sync.run();
        return status;
    }

    /** The filters that came from elsewhere (a failure group, a chart), each removable. */
    private HBox chips() {
        Label caption = new Label(i18n.get("messages.filter.also"));
        caption.getStyleClass().add("text-muted");
        HBox box = new HBox(8);
        box.setAlignment(Pos.CENTER_LEFT);
        Runnable rebuild = () -> {
            box.getChildren().setAll(caption);
            if (!form.siteProperty().get().isEmpty()) {
                box.getChildren().add(chip(i18n.get("messages.describe.site", form.siteProperty().get()),
                        () -> form.siteProperty().set("")));
            }
            if (form.endpointIdProperty().get() != null) {
                box.getChildren().add(chip(i18n.get("messages.describe.endpoint", form.endpointIdProperty().get()),
                        () -> form.endpointIdProperty().set(null)));
            }
            if (!form.signatureProperty().get().isEmpty()) {
                box.getChildren().add(chip(i18n.get("messages.describe.signature", form.signatureProperty().get()),
                        () -> form.signatureProperty().set("")));
            }
            box.setVisible(box.getChildren().size() > 1);
            box.setManaged(box.isVisible());
        };
        form.siteProperty().addListener(o -> rebuild.run());
        form.endpointIdProperty().addListener(o -> rebuild.run());
        form.signatureProperty().addListener(o -> rebuild.run());
        rebuild.run();
        return box;
    }

    private Button chip(String label, Runnable remove) {
        Button b = new Button(label, Icons.of(AppIcon.CLEAR));
        b.setMnemonicParsing(false);
        b.getStyleClass().addAll("filter-chip", "small");
        b.setContentDisplay(ContentDisplay.RIGHT);
        b.setAccessibleText(i18n.get("messages.filter.remove", label));
        b.setTooltip(new Tooltip(i18n.get("messages.filter.remove", label)));
        b.setOnAction(e -> {
            remove.run();
            model.search();
        });
        return b;
    }
}
