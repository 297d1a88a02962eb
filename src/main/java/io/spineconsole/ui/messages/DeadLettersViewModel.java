package io.spineconsole.ui.messages;

import io.spineconsole.api.Intent;
import io.spineconsole.api.MessagesApi;
import io.spineconsole.api.Page;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.messages.DeadLetter;
import io.spineconsole.domain.messages.DeadLetterGroup;
import io.spineconsole.domain.messages.DeadLetterQuery;
import io.spineconsole.domain.messages.DiscardRequest;
import io.spineconsole.ui.common.Confirmation;
import io.spineconsole.ui.common.ErrorText;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.PagedList;
import io.spineconsole.ui.common.UiExecutor;
import io.spineconsole.ui.common.UnsentReasons;
import io.spineconsole.ui.common.WorkspaceContext;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Dead letters (messages parked for a person), newest first, with why and whether they were
 * redelivered; or grouped by reason with counts. Operators discard a selection or a group with a
 * reason (audited); a discarded dead letter leaves the list.
 */
public final class DeadLettersViewModel {
    static final List<TimeRange> WINDOWS = List.of(TimeRange.LAST_24_HOURS, TimeRange.LAST_7_DAYS, TimeRange.LAST_31_DAYS);
    /** The most dead letters one discard takes (the server's bound). */
    static final int MAX_DISCARD = 1000;
    private static final int GROUP_PAGE = 200;

    /** Which dead letters to list. */
    enum Show { WAITING, REDELIVERED, ALL }

    private final PagedList<DeadLetter> letters;
    private final ObservableList<DeadLetterGroup> groups = FXCollections.observableArrayList();
    private final ObjectProperty<TimeRange> window = new SimpleObjectProperty<>(TimeRange.LAST_7_DAYS);
    private final ObjectProperty<Show> show = new SimpleObjectProperty<>(Show.WAITING);
    private final BooleanProperty grouped = new SimpleBooleanProperty();
    private final BooleanProperty mayDiscard = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");
    private final UnsentReasons intents = new UnsentReasons();
    private final UiExecutor ui;
    private final I18n i18n;
    private final Clock clock;
    private MessagesApi api;
    private WorkspaceContext context;
    private boolean loaded;
    private long generation;

    public DeadLettersViewModel(UiExecutor ui, I18n i18n, Clock clock) {
        this.letters = new PagedList<>(ui, i18n);
        this.ui = ui;
        this.i18n = i18n;
        this.clock = clock;
        grouped.addListener((o, a, b) -> {
            if (api != null && loaded) {
                load();
            }
        });
    }

    /** Lists through {@code newApi}; without a workspace nothing can be discarded. */
    public void connect(MessagesApi newApi) {
        letters.clear();
        groups.clear();
        api = newApi;
        context = null;
        mayDiscard.set(false);
        loaded = false;
        error.set("");
        notice.set("");
    }

    /** Lists in {@code newContext}; operators may discard. */
    public void connect(WorkspaceContext newContext) {
        connect(newContext.api().messages());
        context = newContext;
        mayDiscard.set(newContext.may(Role.OPERATOR));
    }

    public void load() {
        if (api == null) {
            return;
        }
        loaded = true;
        Instant end = clock.instant();
        Instant start = end.minus(window.get().length());
        Boolean redelivered = switch (show.get()) {
            case WAITING -> Boolean.FALSE;
            case REDELIVERED -> Boolean.TRUE;
            case ALL -> null;
        };
        MessagesApi calls = api;
        letters.load(cursor -> calls.deadLetters(new DeadLetterQuery(null, null, null, null, start, end, redelivered,
                100, cursor)));
        if (grouped.get()) {
            long mine = ++generation;
            ui.deliver(calls.deadLetterGroups(start, end), page -> {
                if (mine == generation) {
                    groups.setAll(page.items());
                }
            }, failure -> {
                if (mine == generation) {
                    error.set(ErrorText.sentence(i18n, failure));
                }
            });
        }
    }

    void loadIfNeeded() {
        if (!loaded) {
            load();
        }
    }

    /** How many messages discarding {@code group} takes: all of it, up to {@value #MAX_DISCARD} at a time. */
    static int discardCount(DeadLetterGroup group) {
        return (int) Math.min(group.count(), MAX_DISCARD);
    }

    /** What to confirm before discarding {@code chosen}. */
    public Confirmation discardConfirmation(List<DeadLetter> chosen) {
        return discardConfirmation(action(chosen), chosen.size());
    }

    /** What to confirm before discarding {@code group} (up to {@value #MAX_DISCARD} of it). */
    public Confirmation discardConfirmation(DeadLetterGroup group) {
        return discardConfirmation(action(group), discardCount(group));
    }

    /** Two discards are the same request when they name the same messages, or the same group. */
    private static String action(List<DeadLetter> chosen) {
        return "discard " + chosen.stream().map(d -> d.message().messageId().toString()).sorted().toList();
    }

    private static String action(DeadLetterGroup group) {
        return "discard group " + group.reasonCode() + "|" + group.cause();
    }

    /**
     * What to confirm before discarding {@code count} dead letters: how many, on which environment, under
     * whose name; a reason is required (it goes to the audit log). Starts with a reason that did not go through.
     */
    private Confirmation discardConfirmation(String action, int count) {
        String environment = context == null ? "" : context.environmentName();
        String name = context == null ? "" : context.principal().name();
        Confirmation c = Confirmation.of(context, i18n.get("messages.deadLetters.discardTitle"),
                i18n.get("messages.deadLetters.discardMessage", count, environment, name),
                i18n.get("messages.deadLetters.discardAction"), true, true);
        return intents.prefill(action, c);
    }

    /** Discards {@code chosen} with {@code reason} (operators); the list reloads after. */
    public void discard(List<DeadLetter> chosen, String reason) {
        if (chosen.isEmpty() || chosen.size() > MAX_DISCARD) {
            return;
        }
        send(action(chosen), CompletableFuture.completedFuture(chosen.stream().map(d -> d.message().messageId())
                .toList()), reason);
    }

    /** Discards the dead letters of {@code group} in this window, newest first, up to {@value #MAX_DISCARD}. */
    public void discardGroup(DeadLetterGroup group, String reason) {
        if (api == null || busy.get() || !mayDiscard.get() || reason == null || reason.isBlank()) {
            return;
        }
        Instant end = clock.instant();
        Instant start = end.minus(window.get().length());
        send(action(group), idsOf(api, group, start, end, null, new ArrayList<>()), reason);
    }

    /** The ids of {@code group}'s dead letters, page by page until the group or the bound is reached. */
    private static CompletableFuture<List<UUID>> idsOf(MessagesApi calls, DeadLetterGroup group, Instant start,
                                                       Instant end, String cursor, List<UUID> found) {
        return calls.deadLetters(new DeadLetterQuery(null, null, null, null, start, end, null, GROUP_PAGE, cursor))
                .thenCompose((Page<DeadLetter> page) -> {
                    for (DeadLetter d : page.items()) {
                        if (group.includes(d) && found.size() < MAX_DISCARD) {
                            found.add(d.message().messageId());
                        }
                    }
                    boolean done = !page.hasMore() || found.size() >= discardCount(group);
                    return done ? CompletableFuture.completedFuture(found)
                            : idsOf(calls, group, start, end, page.nextCursor(), found);
                });
    }

    private void send(String action, CompletableFuture<List<UUID>> ids, String reason) {
        if (api == null || busy.get() || !mayDiscard.get() || reason == null || reason.isBlank()) {
            return;
        }
        MessagesApi calls = api;
        Intent intent = intents.intent(action, reason);
        busy.set(true);
        error.set("");
        notice.set("");
        ui.deliver(ids.thenCompose(list -> list.isEmpty()
                ? CompletableFuture.completedFuture(null)
                : calls.discardDeadLetters(new DiscardRequest(list, reason.strip()), intent)), result -> {
            busy.set(false);
            intents.sent(action);
            notice.set(result == null ? i18n.get("messages.deadLetters.discardedNone")
                    : i18n.get("messages.deadLetters.discarded", result.discarded()));
            load();
        }, failure -> {
            busy.set(false);
            error.set(ErrorText.sentence(i18n, failure));
        });
    }

    public void dispose() {
        letters.cancel();
        generation++;
    }

    public PagedList<DeadLetter> letters() {
        return letters;
    }

    public ObservableList<DeadLetterGroup> groups() {
        return groups;
    }

    public ObjectProperty<TimeRange> windowProperty() {
        return window;
    }

    public ObjectProperty<Show> showProperty() {
        return show;
    }

    public BooleanProperty groupedProperty() {
        return grouped;
    }

    public BooleanProperty mayDiscardProperty() {
        return mayDiscard;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty noticeProperty() {
        return notice;
    }
}
