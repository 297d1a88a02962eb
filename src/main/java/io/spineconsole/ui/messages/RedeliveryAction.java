package io.spineconsole.ui.messages;

import io.spineconsole.api.ApiException;
import io.spineconsole.api.ConnectionState;
import io.spineconsole.api.Intent;
import io.spineconsole.api.RegistrationsApi;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.messages.MessageDetail;
import io.spineconsole.domain.messages.MessageStatuses;
import io.spineconsole.domain.messages.RedeliverRequest;
import io.spineconsole.domain.messages.RedeliveryCopy;
import io.spineconsole.domain.registrations.CertificateState;
import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.domain.registrations.RegistrationFilter;
import io.spineconsole.domain.registrations.RegistrationStatus;
import io.spineconsole.ui.common.Confirmation;
import io.spineconsole.ui.common.ErrorText;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.UiExecutor;
import io.spineconsole.ui.common.UnsentReasons;
import io.spineconsole.ui.common.WorkspaceContext;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Redelivering the message a detail tab shows. Says why it cannot be when Redeliver is disabled;
 * before it is sent, what to know first (a copy already in flight or delivered, the receiver not
 * registered or its certificate ended); and sends it as one intent, however often it has to be sent:
 * after an answer that never came, it says the first attempt may have gone through and that trying
 * again is safe, tries again by itself when the connection is back, and then shows what happened.
 */
public final class RedeliveryAction {
    private final UiExecutor ui;
    private final I18n i18n;
    private final MessageText text;
    private final UnsentReasons unsentReasons = new UnsentReasons();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty may = new SimpleBooleanProperty();
    private final BooleanProperty redeliverable = new SimpleBooleanProperty();
    private final BooleanProperty outcomeUnknown = new SimpleBooleanProperty();
    private final StringProperty whyNot = new SimpleStringProperty("");
    private final StringProperty result = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty errorDetail = new SimpleStringProperty("");
    private final ObservableList<RedeliveryCopy> blockedBy = FXCollections.observableArrayList();
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final Consumer<ConnectionState> onConnection = this::connectionChanged;
    private WorkspaceContext context;
    private MessageDetail shown;
    private Pending pending;
    private CompletableFuture<Optional<MhsEndpoint>> receiverCheck;
    private Runnable reload = () -> { };

    /** A redelivery sent but not settled: sent again as is, it is the same intent. */
    private record Pending(UUID messageId, RedeliverRequest request, Intent intent, String action,
                           Consumer<MessageDetail> done) {
    }

    public RedeliveryAction(UiExecutor ui, I18n i18n, MessageText text) {
        this.ui = ui;
        this.i18n = i18n;
        this.text = text;
    }

    void connect(WorkspaceContext newContext, Runnable reloadShown) {
        dispose();
        context = newContext;
        reload = reloadShown;
        may.set(context.may(Role.OPERATOR));
        shown = null;
        redeliverable.set(false);
        whyNot.set("");
        clear();
        context.api().connection().addListener(onConnection);
    }

    /** Another message is open: what was said about the last one goes. */
    void clear() {
        result.set("");
        error.set("");
        errorDetail.set("");
        blockedBy.clear();
        warnings.clear();
        outcomeUnknown.set(false); // the message shown next says whether its own redelivery is unsettled
    }

    /** The message shown changed (opened, or reloaded): what may be done with it, and why not. */
    void show(MessageDetail d) {
        boolean other = shown == null || !shown.messageId().equals(d.messageId());
        shown = d;
        // A discarded dead letter keeps its status; its timeline says it was discarded (DISCARDED).
        boolean discarded = d.events() != null && d.events().stream().anyMatch(e -> "DISCARDED".equals(e.code()));
        redeliverable.set(MessageStatuses.isRedeliverable(d.status()) && !discarded);
        blockedBy.setAll(d.blockingCopies());
        whyNot.set(!may.get() ? i18n.get("messages.detail.viewerNote")
                : discarded ? i18n.get("messages.redeliver.whyNotDiscarded")
                : !redeliverable.get() ? i18n.get("messages.redeliver.whyNotStatus", text.status(d.status()))
                : "");
        if (other && redeliverable.get() && may.get()) {
            checkReceiver(d);
        }
        // Back on a message whose redelivery got no answer: say so again, with Try again.
        if (other && isPendingFor(d) && !busy.get()) {
            outcomeUnknown.set(true);
            error.set(i18n.get("messages.redeliver.outcomeUnknown"));
        }
    }

    /**
     * Looks the receiver up in the directory, by the message's endpoint and else by its party key: not
     * registered, suspended or retired, or its certificate ended, is worth a warning. A look-up that fails
     * for another reason warns of nothing (the console does not guess).
     */
    private void checkReceiver(MessageDetail d) {
        warnings.clear();
        if (receiverCheck != null) {
            receiverCheck.cancel(true);
        }
        RegistrationsApi directory = context.api().registrations();
        CompletableFuture<MhsEndpoint> byId = d.endpointId() == null ? CompletableFuture.completedFuture(null)
                : directory.endpoint(d.endpointId()).exceptionallyCompose(failure -> {
                    ApiException api = ApiException.unwrap(failure);
                    return api != null && api.kind() == ApiException.Kind.NOT_FOUND
                            ? CompletableFuture.completedFuture(null) : CompletableFuture.failedFuture(failure);
                });
        String partyKey = d.to() == null ? null : d.to().partyKey();
        CompletableFuture<Optional<MhsEndpoint>> found = byId.thenCompose(endpoint -> {
            if (endpoint != null) {
                return CompletableFuture.completedFuture(Optional.of(endpoint));
            }
            if (partyKey == null || partyKey.isBlank()) {
                return CompletableFuture.completedFuture(null); // nothing to look it up by: no warning
            }
            return directory.endpoints(new RegistrationFilter(null, List.of(), null, null, null, null, null, partyKey,
                    null, null), null, 5).thenApply(page -> page.items().stream()
                    .filter(e -> partyKey.equals(e.partyKey())).findFirst());
        });
        UUID id = d.messageId();
        receiverCheck = ui.deliver(found, endpoint -> {
            if (endpoint != null && shown != null && shown.messageId().equals(id)) {
                warnings.setAll(receiverWarnings(d, endpoint.orElse(null), text.clock().instant()));
            }
        }, failure -> { });
    }

    /** What to know about the receiver before redelivering to it ({@code endpoint} null: not registered). */
    List<String> receiverWarnings(MessageDetail d, MhsEndpoint endpoint, Instant now) {
        List<String> out = new ArrayList<>();
        String party = d.to() == null || d.to().partyKey() == null ? "—" : d.to().partyKey();
        if (endpoint == null) {
            out.add(i18n.get("messages.redeliver.warnUnregistered", party));
            return out;
        }
        if (endpoint.status() == RegistrationStatus.SUSPENDED || endpoint.status() == RegistrationStatus.RETIRED) {
            out.add(i18n.get("messages.redeliver.warnEndpointStatus", party, i18n.get("registrations.status."
                    + endpoint.status().code())));
        }
        if (endpoint.certificate() != null && (endpoint.certificate().state() == CertificateState.EXPIRED
                || endpoint.certificate().notAfter().isBefore(now))) {
            out.add(i18n.get("messages.redeliver.warnCertificate", party, text.dateTime(endpoint.certificate().notAfter())));
        }
        return out;
    }

    /**
     * Redelivers the message shown with {@code reason}; {@code force} sends a second copy although one is
     * in flight or was delivered (the server audits it). Sent again with the same words, it is the same
     * intent.
     */
    public void redeliver(String reason, boolean force, Consumer<MessageDetail> done) {
        MessageDetail d = shown;
        if (d == null || busy.get() || !may.get()) {
            return;
        }
        String action = action(d, force);
        Intent intent = unsentReasons.intent(action, reason);
        send(new Pending(d.messageId(), new RedeliverRequest(reason, force ? Boolean.TRUE : null), intent, action, done));
    }

    /** Sends the redelivery whose outcome is unknown again, as the same intent: at most one copy results. */
    public void tryAgain() {
        if (pending != null && !busy.get()) {
            send(pending);
        }
    }

    private void send(Pending p) {
        busy.set(true);
        result.set("");
        error.set("");
        errorDetail.set("");
        ui.deliver(context.api().messages().redeliver(p.messageId(), p.request(), p.intent()), copy -> {
            busy.set(false);
            boolean wasUnknown = pending != null;
            pending = null;
            outcomeUnknown.set(false);
            unsentReasons.sent(p.action());
            if (shown != null && shown.messageId().equals(p.messageId())) {
                result.set(i18n.get(wasUnknown ? "messages.redeliver.doneAfterAll" : "messages.detail.redelivered",
                        copy.summary().displayId()));
            }
            reload.run();
            p.done().accept(copy);
        }, failure -> {
            busy.set(false);
            ApiException api = ApiException.unwrap(failure);
            if (api != null && api.outcomeUnknown()) {
                // Nobody knows yet whether it went through: say so, and keep the intent for the next try.
                pending = p;
                outcomeUnknown.set(true);
                error.set(i18n.get("messages.redeliver.outcomeUnknown"));
                errorDetail.set(ErrorText.detail(failure));
                return;
            }
            pending = null;
            outcomeUnknown.set(false);
            if (api != null && api.fieldErrors().stream().anyMatch(f -> f.code().equals("ALREADY_REDELIVERED"))) {
                reload.run(); // the family as it is now: the copy in the way shows with its status
            }
            error.set(ErrorText.sentence(i18n, failure));
            errorDetail.set(ErrorText.detail(failure));
        });
    }

    /** Back online with a redelivery whose outcome is unknown: ask again (the same intent) and show what happened. */
    private void connectionChanged(ConnectionState state) {
        if (state == ConnectionState.ONLINE) {
            ui.execute(() -> {
                if (pending != null && !busy.get() && isPendingFor(shown)) {
                    send(pending);
                }
            });
        }
    }

    /** True when {@code d}'s redelivery was sent and got no answer yet. */
    private boolean isPendingFor(MessageDetail d) {
        return pending != null && d != null && pending.messageId().equals(d.messageId());
    }

    /** The confirmation for the message shown, with the reason of an earlier try that did not go through. */
    public Confirmation confirmation(Confirmation plain, boolean force) {
        return shown == null ? plain : unsentReasons.prefill(action(shown, force), plain);
    }

    /**
     * The confirmation to ask before redelivering the message shown: it names the message and the
     * environment, says what to know about the receiver, and, while a copy is in flight or was delivered,
     * asks for a second copy in so many words ({@link #needsForce()}). Starts with the reason of an earlier
     * try that did not go through. Null when no message is shown.
     */
    public Confirmation confirmation() {
        MessageDetail d = shown;
        if (d == null) {
            return null;
        }
        boolean force = needsForce();
        StringBuilder message = new StringBuilder(i18n.get("messages.redeliver.message", d.summary().displayId(),
                context.environmentName(), context.principal().name()));
        if (force) {
            message.append("\n\n").append(blockedText()).append(' ').append(i18n.get("messages.redeliver.forceNote"));
        }
        for (String w : warnings) {
            message.append("\n\n").append(w);
        }
        Confirmation plain = Confirmation.of(context, i18n.get(force ? "messages.redeliver.forceTitle"
                        : "messages.redeliver.title"), message.toString(),
                i18n.get(force ? "messages.redeliver.forceAction" : "messages.redeliver.action"), true, true);
        return confirmation(plain, force);
    }

    /** True while a copy of the message shown is in flight or was delivered: another is sent only if forced. */
    public boolean needsForce() {
        return !blockedBy.isEmpty();
    }

    private static String action(MessageDetail d, boolean force) {
        return "redeliver " + d.messageId() + (force ? " forced" : "");
    }

    /** The copy most recently made of the message shown's family that is in flight or delivered, as words. */
    String blockedText() {
        if (blockedBy.isEmpty()) {
            return "";
        }
        RedeliveryCopy latest = blockedBy.get(blockedBy.size() - 1);
        return i18n.get("messages.redeliver.alreadyAs", latest.messageId().toString().toUpperCase(Locale.ROOT),
                text.status(latest.status()));
    }

    void dispose() {
        if (context != null) {
            context.api().connection().removeListener(onConnection);
        }
        if (receiverCheck != null) {
            receiverCheck.cancel(true);
        }
        busy.set(false);
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** The role may redeliver (the server still decides). */
    public BooleanProperty mayProperty() {
        return may;
    }

    /** The message is in a status that can be redelivered. */
    public BooleanProperty redeliverableProperty() {
        return redeliverable;
    }

    /** Why Redeliver is disabled, in a sentence, or "" when it is not. */
    public StringProperty whyNotProperty() {
        return whyNot;
    }

    /** True after a redelivery that got no answer, until an answer says what happened. */
    public BooleanProperty outcomeUnknownProperty() {
        return outcomeUnknown;
    }

    /** What the last redelivery did ("Redelivered as …"), or "". */
    public StringProperty resultProperty() {
        return result;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty errorDetailProperty() {
        return errorDetail;
    }

    /** The copies of the message shown's family in flight or delivered: a redelivery needs force while any is. */
    public ObservableList<RedeliveryCopy> blockedByProperty() {
        return blockedBy;
    }

    /** What to know about the receiver before redelivering (not registered, endpoint suspended, certificate ended). */
    public ObservableList<String> warnings() {
        return warnings;
    }
}
