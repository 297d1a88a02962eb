package io.spineconsole.ui.messages;

import io.spineconsole.api.ApiException;
import io.spineconsole.api.MessagesApi;
import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.messages.MessageDetail;
import io.spineconsole.domain.messages.MessagePayload;
import io.spineconsole.domain.messages.MessageStatuses;
import io.spineconsole.domain.messages.Reliability;
import io.spineconsole.ui.common.ConsoleLink;
import io.spineconsole.ui.common.Confirmation;
import io.spineconsole.ui.common.ErrorText;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.LatestLoad;
import io.spineconsole.ui.common.LoadStatus;
import io.spineconsole.ui.common.UiExecutor;
import io.spineconsole.ui.common.UnsentReasons;
import io.spineconsole.ui.common.WorkspaceContext;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One message: its hop timeline as lanes (sender → Spine → receiver), where it is against the
 * endpoint's reliability settings ("attempt 2 of 3, next in 2 h, expires in 3 h 12 m"), the masked
 * payload (read on request: each read is audited), its redelivery links, and redelivery itself.
 */
public final class MessageDetailViewModel {

    /** Where a hop happens on the timeline. */
    enum Lane { SENDER, SPINE, RECEIVER }

    /**
     * One hop as drawn: from one lane to another ({@code from == to} for something that happens at the
     * Spine, such as waiting to retry), with what happened and why.
     */
    record Hop(int seq, MessageStatus status, Lane from, Lane to, boolean failed, String title, String code,
               String description, String site, Instant at, String offset, int attempt) {
    }

    private final UiExecutor ui;
    private final I18n i18n;
    private final MessageText text;
    private final MessageStory story;
    private final LatestLoad load;
    private final LatestLoad payloadLoad;
    private final ObjectProperty<MessageDetail> detail = new SimpleObjectProperty<>();
    private final ObjectProperty<UUID> requested = new SimpleObjectProperty<>();
    private final BooleanBinding shown = Bindings.createBooleanBinding(this::isShown, detail, requested);
    private final ObservableList<Hop> hops = FXCollections.observableArrayList();
    private final StringProperty retry = new SimpleStringProperty("");
    /** "Injected by scenario …" for a failure a training scenario injected (the message's field); empty otherwise. */
    private final StringProperty injected = new SimpleStringProperty("");
    private final StringProperty reliabilityText = new SimpleStringProperty("");
    private final ObjectProperty<MessagePayload> payload = new SimpleObjectProperty<>();
    private final StringProperty payloadText = new SimpleStringProperty("");
    private final RedeliveryAction redelivery;

    private WorkspaceContext context;
    private Consumer<UUID> notFound = id -> { };

    public MessageDetailViewModel(UiExecutor ui, I18n i18n, MessageText text) {
        this.ui = ui;
        this.i18n = i18n;
        this.text = text;
        this.story = new MessageStory(i18n, text);
        // A reload of the message shown keeps it in view; another message shows "loading" until it comes.
        this.load = new LatestLoad(ui, i18n, this::isShown);
        load.onRetry(this::refresh);
        this.payloadLoad = new LatestLoad(ui, i18n, () -> payload.get() != null);
        payloadLoad.onRetry(this::loadPayload);
        this.redelivery = new RedeliveryAction(ui, i18n, text);
    }

    public void connect(WorkspaceContext newContext) {
        dispose();
        context = newContext;
        redelivery.connect(context, this::refresh);
        detail.set(null);
        requested.set(null);
        hops.clear();
        clearPayload();
        load.clear();
    }

    /** What happens when a requested id is no message's (the workspace looks for it as a conversation). */
    void onNotFound(Consumer<UUID> action) {
        this.notFound = action;
    }

    /** Loads the message; what was shown stays until it arrives. */
    public void open(UUID messageId) {
        if (context == null) {
            return;
        }
        boolean other = detail.get() == null || !detail.get().messageId().equals(messageId);
        requested.set(messageId);
        if (other) {
            clearPayload();
            redelivery.clear();
        }
        // An id that is no message's is not an error when it was pasted: the workspace looks for its conversation.
        load.start(found(api().message(messageId), other), found -> found.ifPresentOrElse(this::show, () -> {
            notFound.accept(messageId);
            // What was on screen stays the message of this tab.
            requested.set(detail.get() == null ? null : detail.get().messageId());
        }), found -> found.isEmpty() && detail.get() == null);
    }

    private boolean isShown() {
        MessageDetail d = detail.get();
        return d != null && d.messageId().equals(requested.get());
    }

    /**
     * The message, or nothing when the server has none by that id and {@code notFoundIsAnswer}; any
     * other failure stays one. Cancelling the answer cancels the call.
     */
    private static <T> CompletableFuture<Optional<T>> found(CompletableFuture<T> call, boolean notFoundIsAnswer) {
        CompletableFuture<Optional<T>> answer = new CompletableFuture<>();
        call.whenComplete((value, failure) -> {
            if (failure == null) {
                answer.complete(Optional.ofNullable(value));
                return;
            }
            ApiException api = ApiException.unwrap(failure);
            if (notFoundIsAnswer && api != null && api.kind() == ApiException.Kind.NOT_FOUND) {
                answer.complete(Optional.empty());
            } else {
                answer.completeExceptionally(failure);
            }
        });
        answer.whenComplete((value, failure) -> {
            if (answer.isCancelled()) {
                call.cancel(true);
            }
        });
        return answer;
    }

    /** Reloads the message shown (F5, or to follow a retry). */
    public void refresh() {
        UUID id = requested.get();
        if (id != null) {
            open(id);
        }
    }

    private void show(MessageDetail d) {
        detail.set(d);
        hops.setAll(hops(d));
        retry.set(retrySummary(d, text.clock().instant()));
        injected.set(d.injected() == null ? "" : io.spineconsole.ui.common.InjectedBadge.words(i18n, d.injected()));
        reliabilityText.set(reliabilityText(d.reliability()));
        redelivery.show(d);
    }

    /** Reads the masked payload (audited on the server). */
    public void loadPayload() {
        MessageDetail d = detail.get();
        if (d == null || context == null) {
            return;
        }
        // Another message clears the payload, which drops this answer if it comes late.
        payloadLoad.start(api().payload(d.messageId()), p -> {
            payload.set(p);
            payloadText.set(PayloadFormat.pretty(p.contentType(), p.body()));
        }, p -> p.body() == null || p.body().isEmpty());
    }

    /**
     * Redelivers the message shown with {@code reason} (operator; audited), not forced. On success the new
     * copy is named and the original reloaded to show its link; on failure the reason is kept for another
     * try, and sent again unchanged it is the same intent ({@link RedeliveryAction}).
     */
    public void redeliver(String reason, Consumer<MessageDetail> done) {
        redelivery.redeliver(reason, false, done);
    }

    /** The confirmation for redelivering the message shown, with the reason of an earlier try that did not go through. */
    public Confirmation redeliverConfirmation(Confirmation plain) {
        return redelivery.confirmation(plain, false);
    }

    /** Redelivering the message shown: why not, what to know first, one intent however often it is sent. */
    public RedeliveryAction redelivery() {
        return redelivery;
    }

    public void dispose() {
        load.cancel();
        payloadLoad.cancel();
        redelivery.dispose();
    }

    private void clearPayload() {
        payloadLoad.clear();
        payload.set(null);
        payloadText.set("");
    }

    private MessagesApi api() {
        return context.api().messages();
    }

    // ---- what the detail says -----------------------------------------------------------------------------------

    /** The timeline as hops between lanes, each with its offset from when the message was received. */
    List<Hop> hops(MessageDetail d) {
        return story.hops(d);
    }

    /** Where the message stands against its endpoint's reliability settings, in a sentence. */
    String retrySummary(MessageDetail d, Instant now) {
        return story.retrySummary(d, now);
    }

    /** The endpoint's settings in words. */
    String reliabilityText(Reliability r) {
        return story.reliabilityText(r);
    }

    /** The sender's registration: its accredited system, or its endpoints by party key. */
    Optional<ConsoleLink> senderLink() {
        MessageDetail d = detail.get();
        return d == null ? Optional.empty() : RecordLinks.party(d.from(), null);
    }

    /** The receiver's registration: the endpoint the message went to, else its system or by party key. */
    Optional<ConsoleLink> receiverLink() {
        MessageDetail d = detail.get();
        return d == null ? Optional.empty() : RecordLinks.party(d.to(), d.endpointId());
    }

    /** The site the message was routed through, in the migration workspace. */
    Optional<ConsoleLink> siteLink() {
        MessageDetail d = detail.get();
        return d == null ? Optional.empty() : RecordLinks.site(d.site());
    }

    /** A link to this message (the one asked for, shown or on its way) for a colleague. */
    Optional<ConsoleLink> link() {
        UUID id = requested.get() != null ? requested.get() : detail.get() != null ? detail.get().messageId() : null;
        return id == null ? Optional.empty()
                : Optional.of(ConsoleLink.of("messages", "message/" + id.toString().toUpperCase(Locale.ROOT)));
    }

    // ---- properties ---------------------------------------------------------------------------------------------

    public ObjectProperty<MessageDetail> detailProperty() {
        return detail;
    }

    public ObjectProperty<UUID> requestedProperty() {
        return requested;
    }

    /** True while the message asked for is the one on screen (not while another is on its way). */
    public BooleanBinding shownProperty() {
        return shown;
    }

    /** Where loading the message stands (busy, failed with why); Retry reloads it. */
    public LoadStatus status() {
        return load.status();
    }

    public ObservableList<Hop> hops() {
        return hops;
    }

    public StringProperty retryProperty() {
        return retry;
    }

    public StringProperty injectedProperty() {
        return injected;
    }

    public StringProperty reliabilityTextProperty() {
        return reliabilityText;
    }

    public ObjectProperty<MessagePayload> payloadProperty() {
        return payload;
    }

    public StringProperty payloadTextProperty() {
        return payloadText;
    }

    /** Where reading the payload stands: IDLE until asked (each read is audited), then busy, empty or failed. */
    public LoadStatus payloadStatus() {
        return payloadLoad.status();
    }

    public BooleanProperty busyProperty() {
        return redelivery.busyProperty();
    }

    /** Why the last redelivery did not go through, in a sentence, or "". */
    public StringProperty actionErrorProperty() {
        return redelivery.errorProperty();
    }

    /** The last redelivery failure's detail for a ticket, or "". */
    public StringProperty actionErrorDetailProperty() {
        return redelivery.errorDetailProperty();
    }

    /** What the last action did ("Redelivered as …"), or "". */
    public StringProperty actionResultProperty() {
        return redelivery.resultProperty();
    }

    /** The role may redeliver (the server still decides). */
    public BooleanProperty mayRedeliverProperty() {
        return redelivery.mayProperty();
    }

    /** The message is in a status that can be redelivered. */
    public BooleanProperty redeliverableProperty() {
        return redelivery.redeliverableProperty();
    }

    WorkspaceContext context() {
        return context;
    }
}
