package io.spineconsole.ui.messages;

import io.spineconsole.domain.messages.MessageDetail;
import io.spineconsole.domain.messages.MessagePayload;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.ConsoleLink;
import io.spineconsole.ui.common.ErrorRow;
import io.spineconsole.ui.common.Grids;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import io.spineconsole.ui.common.TimeCopy;
import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.ui.common.LoadState;
import io.spineconsole.ui.common.LoadStatus;
import io.spineconsole.ui.common.Placeholder;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One message: where it stopped and why (status, retry position, last error), the hop timeline,
 * the facts with links to the sender's and receiver's registrations, and the masked payload, read
 * on request because each read is audited.
 */
final class MessageDetailView extends VBox {
    private final MessageFlowViewModel root;
    private final MessageDetailViewModel model;
    private final MessageText text;
    private final I18n i18n;
    private final HopTimeline timeline;
    private final GridPane facts = new GridPane();
    private final Label title = new Label();
    private final Label status = new Label();
    private final FailureExplanation explanation;
    private final FlowPane links = new FlowPane(8, 6);
    private final Actions actions;

    /** What the pane asks of the workspace. */
    interface Actions {
        void copy(String text);

        void redeliver();

        void openJob(UUID jobId);
    }

    MessageDetailView(MessageFlowViewModel root, Actions actions) {
        super(8);
        this.root = root;
        this.model = root.detail();
        this.text = root.text();
        this.i18n = text.i18n();
        this.actions = actions;
        this.timeline = new HopTimeline(text);
        this.explanation = new FailureExplanation(text);
        setId("messages-detail");
        getStyleClass().add("message-detail");
        setPadding(new Insets(10, 12, 8, 12));

        getChildren().addAll(header(), summary(), body());
        VBox.setVgrow(getChildren().get(getChildren().size() - 1), Priority.ALWAYS);

        model.detailProperty().addListener((o, a, d) -> show(d));
        // The receiver's endpoint arrives after the message: its name and certificate join the facts then.
        root.receiver().endpointProperty().addListener((o, a, e) -> show(model.detailProperty().get()));
        text.times().zoneProperty().addListener((o, a, z) -> {
            show(model.detailProperty().get());
            timeline.show(model.detailProperty().get(), model.hops());
        });
        model.hops().addListener((ListChangeListener<MessageDetailViewModel.Hop>) c ->
                timeline.show(model.detailProperty().get(), model.hops()));
        show(model.detailProperty().get());
    }

    private Node header() {
        Button back = Icons.button(AppIcon.BACK, i18n.get("messages.detail.back"));
        back.setId("messages-detail-back");
        back.setOnAction(e -> root.back());
        title.setId("messages-detail-title");
        // The message asked for: the one shown, or the one on its way (its id is all there is yet).
        title.textProperty().bind(Bindings.createStringBinding(() -> model.requestedProperty().get() == null ? ""
                : i18n.get("messages.detail.title", model.requestedProperty().get().toString().toUpperCase(Locale.ROOT)),
                model.requestedProperty()));
        title.getStyleClass().add("detail-title");
        status.setId("messages-detail-status");
        status.getStyleClass().add("status-badge");
        // No message yet (it is loading, or could not be): no empty badge.
        status.visibleProperty().bind(model.shownProperty());
        Button copyId = Icons.button(AppIcon.COPY, i18n.get("messages.detail.copyId"));
        copyId.setId("messages-detail-copy-id");
        copyId.setOnAction(e -> {
            UUID id = model.requestedProperty().get();
            if (id != null) {
                actions.copy(id.toString().toUpperCase(Locale.ROOT));
            }
        });
        Button copyLink = Views.button(i18n.get("messages.detail.copyLink"), AppIcon.LINK);
        copyLink.setId("messages-detail-copy-link");
        copyLink.setOnAction(e -> model.link().ifPresent(l -> actions.copy(l.toString())));
        Button refresh = Icons.button(AppIcon.REFRESH, i18n.get("messages.detail.refresh"));
        refresh.setId("messages-detail-refresh");
        refresh.setOnAction(e -> model.refresh());
        Button redeliver = Views.button(i18n.get("messages.detail.redeliver"), AppIcon.REDELIVER);
        redeliver.setId("messages-detail-redeliver");
        redeliver.getStyleClass().add("accent");
        redeliver.disableProperty().bind(model.mayRedeliverProperty().not().or(model.redeliverableProperty().not())
                .or(model.busyProperty()).or(model.shownProperty().not()));
        redeliver.setOnAction(e -> actions.redeliver());
        HBox bar = new HBox(8, back, title, copyId, status, Views.grow(), refresh, copyLink, redeliver);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** "Injected by scenario …" under the header, for a message a training scenario failed. */
    private Label injectedBadge() {
        Label badge = io.spineconsole.ui.common.InjectedBadge.of("");
        badge.setId("messages-detail-injected");
        badge.textProperty().bind(model.injectedProperty());
        badge.visibleProperty().bind(model.injectedProperty().isNotEmpty().and(model.shownProperty()));
        badge.managedProperty().bind(badge.visibleProperty());
        return badge;
    }

    private Node summary() {
        Label retry = new Label();
        retry.setId("messages-detail-retry");
        retry.getStyleClass().add("retry-summary");
        retry.setGraphic(Icons.of(AppIcon.STATUS_WAITING));
        retry.textProperty().bind(model.retryProperty());
        retry.setWrapText(true);
        retry.setMinHeight(Label.USE_PREF_SIZE);
        retry.visibleProperty().bind(model.shownProperty());
        retry.managedProperty().bind(retry.visibleProperty());
        explanation.setId("messages-detail-error");
        // Another message on its way: its predecessor's failure is not explained meanwhile.
        VBox explained = new VBox(explanation);
        explained.visibleProperty().bind(model.shownProperty());
        explained.managedProperty().bind(explained.visibleProperty());
        Label result = Views.bound(model.actionResultProperty(), "action-result");
        result.setId("messages-detail-result");
        ErrorRow loadError = Views.errorRow(model.status(), model.shownProperty(), i18n);
        ErrorRow actionError = new ErrorRow(model.actionErrorProperty(), model.actionErrorDetailProperty(), i18n);
        // Why Redeliver is disabled, when it is: the role, or the message's status (a line of its own).
        Label whyNot = Views.bound(model.redelivery().whyNotProperty(), "text-muted");
        whyNot.setId("messages-detail-redeliver-why-not");
        whyNot.setWrapText(true);
        whyNot.setMinHeight(Label.USE_PREF_SIZE);
        whyNot.visibleProperty().bind(model.redelivery().whyNotProperty().isNotEmpty()
                .and(model.shownProperty().or(model.mayRedeliverProperty().not())));
        whyNot.managedProperty().bind(whyNot.visibleProperty());
        return new VBox(4, injectedBadge(), loadError, actionError, outcomeUnknown(), result, lineage(), warnings(),
                explained, retry, whyNot);
    }

    /** After an answer that never came: the same redelivery sent again, safely (the same intent). */
    private Node outcomeUnknown() {
        RedeliveryAction r = model.redelivery();
        Button again = Views.button(i18n.get("messages.redeliver.tryAgain"), AppIcon.REFRESH);
        again.setId("messages-detail-redeliver-again");
        again.setOnAction(e -> r.tryAgain());
        again.disableProperty().bind(r.busyProperty());
        HBox row = new HBox(8, again);
        row.setAlignment(Pos.CENTER_LEFT);
        row.visibleProperty().bind(r.outcomeUnknownProperty());
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    /** "Already redelivered as …", linked to the copy, while a copy is in flight or was delivered. */
    private Node lineage() {
        RedeliveryAction r = model.redelivery();
        FlowPane box = new FlowPane(8, 4);
        box.setId("messages-detail-lineage");
        Runnable fill = () -> {
            box.getChildren().clear();
            for (io.spineconsole.domain.messages.RedeliveryCopy c : r.blockedByProperty()) {
                Hyperlink h = messageLink(i18n.get("messages.redeliver.alreadyAs",
                        c.messageId().toString().toUpperCase(Locale.ROOT), text.status(c.status())), c.messageId(),
                        root::openMessage);
                h.getStyleClass().add("redelivered-as");
                box.getChildren().add(h);
            }
        };
        r.blockedByProperty().addListener((ListChangeListener<io.spineconsole.domain.messages.RedeliveryCopy>) c -> fill.run());
        fill.run();
        box.visibleProperty().bind(Bindings.isNotEmpty(r.blockedByProperty()).and(model.shownProperty()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /** What to know about the receiver before redelivering (not registered, suspended, certificate ended). */
    private Node warnings() {
        RedeliveryAction r = model.redelivery();
        Label l = new Label();
        l.setId("messages-detail-redeliver-warnings");
        l.setGraphic(Icons.of(AppIcon.WARNING));
        l.setWrapText(true);
        // However tall the rest: a wrapped label the box shrinks loses its end to an ellipsis.
        l.setMinHeight(Label.USE_PREF_SIZE);
        l.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n", r.warnings()), r.warnings()));
        l.visibleProperty().bind(Bindings.isNotEmpty(r.warnings()).and(model.shownProperty()));
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    private Node body() {
        Label timelineTitle = Views.label(i18n.get("messages.detail.timeline"), "section-title");
        timelineTitle.setGraphic(Icons.of(AppIcon.TIMELINE));
        facts.getStyleClass().add("detail-facts");
        facts.setHgap(12);
        facts.setVgap(4);
        facts.getColumnConstraints().addAll(Grids.labelColumn(), Grids.growingColumn());
        Label factsTitle = Views.label(i18n.get("messages.detail.facts"), "section-title");
        links.getStyleClass().add("detail-links");
        VBox left = new VBox(10, timelineTitle, timeline, links, factsTitle, facts);
        left.setPadding(new Insets(4, 8, 8, 0));
        ScrollPane leftScroll = new ScrollPane(left);
        leftScroll.setFitToWidth(true);
        leftScroll.getStyleClass().add("edge-to-edge");
        SplitPane split = new SplitPane(leftScroll, payload());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.62);
        split.visibleProperty().bind(model.shownProperty());
        // Loading, or why not, until the message asked for is here; what to do when none was.
        Placeholder placeholder = new Placeholder(model.status(), i18n.get("messages.detail.none"), i18n);
        placeholder.visibleProperty().bind(model.shownProperty().not());
        return new StackPane(split, placeholder);
    }

    private Node payload() {
        Label heading = Views.label(i18n.get("messages.payload.title"), "section-title");
        heading.setGraphic(Icons.of(AppIcon.PAYLOAD));
        Button show = Views.button(i18n.get("messages.payload.show"), AppIcon.PAYLOAD);
        show.setId("messages-payload-show");
        show.setOnAction(e -> model.loadPayload());
        LoadStatus status = model.payloadStatus();
        Label audited = Views.label(i18n.get("messages.payload.audited"), "text-muted");
        audited.setWrapText(true);
        VBox ask = new VBox(8, show, audited);
        ask.visibleProperty().bind(status.stateProperty().isEqualTo(LoadState.IDLE));
        ask.managedProperty().bind(ask.visibleProperty());
        // Busy, empty, or failed with Retry (a retry is a read, audited like the first).
        Placeholder placeholder = new Placeholder(status, i18n.get("messages.payload.empty"), i18n);
        placeholder.visibleProperty().bind(status.stateProperty().isNotEqualTo(LoadState.IDLE)
                .and(status.stateProperty().isNotEqualTo(LoadState.LOADED)));
        placeholder.managedProperty().bind(placeholder.visibleProperty());

        // A paragraph, not a label: it wraps to whatever width the pane has and is never cut short.
        javafx.scene.text.Text maskingWords = new javafx.scene.text.Text();
        maskingWords.getStyleClass().add("text");
        maskingWords.textProperty().bind(Bindings.createStringBinding(() -> maskingText(model.payloadProperty().get()),
                model.payloadProperty()));
        javafx.scene.text.TextFlow maskingText = new javafx.scene.text.TextFlow(maskingWords);
        HBox.setHgrow(maskingText, Priority.ALWAYS);
        maskingText.setMinWidth(0);
        HBox masking = new HBox(6, Icons.of(AppIcon.UNAUTHORISED), maskingText);
        masking.setId("messages-payload-masking");
        masking.getStyleClass().add("masking-note");
        masking.setMinHeight(Region.USE_PREF_SIZE);
        masking.visibleProperty().bind(model.payloadProperty().isNotNull());
        masking.managedProperty().bind(masking.visibleProperty());
        TextArea body = new TextArea();
        body.setId("messages-payload-text");
        body.setEditable(false);
        body.getStyleClass().add("payload-text");
        body.textProperty().bind(model.payloadTextProperty());
        body.setAccessibleText(i18n.get("messages.payload.title"));
        body.visibleProperty().bind(status.stateProperty().isEqualTo(LoadState.LOADED));
        body.managedProperty().bind(body.visibleProperty());
        VBox.setVgrow(body, Priority.ALWAYS);
        Button copy = Views.button(i18n.get("messages.payload.copy"), AppIcon.COPY);
        copy.setOnAction(e -> actions.copy(model.payloadTextProperty().get()));
        copy.visibleProperty().bind(body.visibleProperty());
        copy.managedProperty().bind(copy.visibleProperty());
        VBox box = new VBox(8, new HBox(8, heading, Views.grow(), copy), ask, placeholder, masking, body);
        box.setPadding(new Insets(4, 6, 8, 10));
        box.setMinWidth(280);
        return new StackPane(box);
    }

    private String maskingText(MessagePayload p) {
        if (p == null) {
            return "";
        }
        String where = p.maskedFields().isEmpty() ? i18n.get("messages.payload.maskedNone")
                : i18n.get("messages.payload.maskedCount", p.maskedFields().size());
        String note = p.maskingNote() == null ? "" : " " + p.maskingNote();
        String size = i18n.get("messages.payload.meta", p.contentType(), text.bytes(p.sizeBytes()));
        return size + " " + where + note + (p.truncated() ? " " + i18n.get("messages.payload.truncated") : "");
    }

    private void show(MessageDetail d) {
        facts.getChildren().clear();
        links.getChildren().clear();
        if (d == null) {
            status.setText("");
            status.setGraphic(null);
            explanation.clear();
            timeline.show(null, java.util.List.of());
            return;
        }
        ReceiverViewModel receiver = root.receiver();
        receiver.show(d.endpointId());
        MhsEndpoint endpoint = receiver.endpointProperty().get();
        status.setText(text.status(d.status()));
        status.setGraphic(Icons.of(MessageText.statusIcon(d.status())));
        status.getStyleClass().removeAll("status-ok", "status-failed", "status-waiting", "status-moving");
        status.getStyleClass().add(MessageText.statusStyle(d.status()));
        explain(d, endpoint);

        int r = 0;
        r = fact(r, i18n.get("messages.fact.interaction"), text.interaction(d.interaction()) + "\n" + MessageColumns.nz(d.interaction()));
        r = fact(r, i18n.get("messages.fact.pattern"), d.messagingPattern() == null ? "" : d.messagingPattern().code());
        r = fact(r, i18n.get("messages.fact.from"), MessageColumns.partyDetail(text, d.from()).replace('\n', ' '));
        r = fact(r, i18n.get("messages.fact.to"), MessageColumns.partyDetail(text, d.to()).replace('\n', ' '));
        r = fact(r, i18n.get("messages.fact.endpoint"), d.endpointId() == null ? i18n.get("messages.fact.noEndpoint")
                : endpoint != null ? receiver.describe(endpoint) : i18n.get("messages.receiver.loading"));
        if (endpoint != null) {
            r = fact(r, i18n.get("messages.fact.certificate"), receiver.certificate(endpoint));
        }
        r = fact(r, i18n.get("messages.fact.conversation"), d.conversationId() == null ? ""
                : d.conversationId().toString().toUpperCase(java.util.Locale.ROOT));
        r = fact(r, i18n.get("messages.fact.site"), d.site());
        r = timeFact(r, i18n.get("messages.fact.received"), d.receivedAt());
        r = timeFact(r, i18n.get("messages.fact.updated"), d.updatedAt());
        r = fact(r, i18n.get("messages.fact.latency"), d.latencyMs() == null ? "—" : text.latency(d.latencyMs()));
        r = fact(r, i18n.get("messages.fact.size"), text.bytes(d.sizeBytes()));
        r = fact(r, i18n.get("messages.fact.reliability"), model.reliabilityTextProperty().get());
        fact(r, i18n.get("messages.fact.version"), String.valueOf(d.version()));

        addLink(i18n.get("messages.link.sender"), model.senderLink(), "messages-link-sender");
        addLink(i18n.get("messages.link.receiver"), model.receiverLink(), "messages-link-receiver");
        addLink(i18n.get("messages.link.receiverPartyKey"), RecordLinks.partyKey(d.to())
                .filter(l -> d.endpointId() != null), "messages-link-receiver-party");
        addLink(i18n.get("messages.link.site"), model.siteLink(), "messages-link-site");
        if (d.conversationId() != null) {
            Hyperlink conv = new Hyperlink(i18n.get("messages.link.conversation"));
            conv.setId("messages-link-conversation");
            conv.setOnAction(e -> {
                root.search().searchConversationOf(d.conversationId());
                root.show(MessageFlowViewModel.Tab.SEARCH);
            });
            links.getChildren().add(conv);
        }
        if (d.redeliveryOf() != null) {
            links.getChildren().add(messageLink(i18n.get("messages.link.redeliveryOf",
                    d.redeliveryOf().toString().toUpperCase(java.util.Locale.ROOT)), d.redeliveryOf(), root::openMessage));
        }
        for (UUID copy : d.redeliveries()) {
            Hyperlink h = messageLink(i18n.get("messages.link.redeliveredAs", copy.toString().toUpperCase(java.util.Locale.ROOT)),
                    copy, root::openMessage);
            h.getStyleClass().add("redelivered-as");
            links.getChildren().add(h);
        }
        if (d.redeliveryJobId() != null) {
            links.getChildren().add(messageLink(i18n.get("messages.link.job"), d.redeliveryJobId(), actions::openJob));
        }
    }

    private Hyperlink messageLink(String label, UUID id, Consumer<UUID> open) {
        Hyperlink h = new Hyperlink(label);
        h.setMnemonicParsing(false);
        h.setOnAction(e -> open.accept(id));
        return h;
    }

    private void addLink(String label, Optional<ConsoleLink> link, String id) {
        link.ifPresent(l -> {
            Hyperlink h = new Hyperlink(label, Icons.of(AppIcon.OPEN));
            h.setId(id);
            h.setOnAction(e -> root.openLink(l));
            h.setAccessibleHelp(l.toString());
            links.getChildren().add(h);
        });
    }

    /**
     * The message's failure explained: its code in words, what it means and the next step, the
     * server's own words as the technical detail, when the receiver's certificate ended, and the
     * receiver's endpoint to open.
     */
    private void explain(MessageDetail d, MhsEndpoint endpoint) {
        if (d.lastErrorCode() == null || d.lastErrorCode().isBlank()) {
            explanation.clear();
            return;
        }
        java.util.List<String> extra = new java.util.ArrayList<>();
        ReceiverViewModel receiver = root.receiver();
        if (receiver.certificateEnded(endpoint)) {
            extra.add(i18n.get("messages.detail.certificateEnded", receiver.describe(endpoint),
                    text.times().date(endpoint.certificate().notAfter())));
        }
        if (d.lastErrorDescription() != null && !d.lastErrorDescription().isBlank()) {
            extra.add(i18n.get("messages.detail.serverSaid", d.lastErrorDescription()));
        }
        java.util.List<Hyperlink> records = new java.util.ArrayList<>();
        if (d.endpointId() != null) {
            records.add(Views.link(i18n.get("messages.detail.openEndpoint"),
                    () -> root.openLink(RecordLinks.endpoint(d.endpointId()))));
        }
        explanation.show(d.lastErrorCode(), extra, records);
    }

    /** A time fact: the day and time, copied as ISO-8601 with its offset. */
    private int timeFact(int row, String name, java.time.Instant at) {
        int next = fact(row, name, text.dateTime(at));
        if (at != null && facts.getChildren().get(facts.getChildren().size() - 1) instanceof Label value) {
            value.setText(i18n.get("messages.fact.time", text.dateTime(at), text.times().zoneName(at),
                    text.times().relative(at)));
            TimeCopy.install(value, at, text.times(), i18n);
        }
        return next;
    }

    private int fact(int row, String name, String value) {
        Label n = Views.label(name, "form-label");
        Label v = new Label(value == null || value.isBlank() ? "—" : value);
        v.setWrapText(true);
        v.getStyleClass().add("fact-value");
        n.setLabelFor(v);
        facts.add(n, 0, row);
        facts.add(v, 1, row);
        return row + 1;
    }
}
