package io.spineconsole.ui.messages;

import io.spineconsole.api.MessagesApi;
import io.spineconsole.domain.messages.MessageSearch;
import io.spineconsole.domain.messages.SearchPlan;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.LatestLoad;
import io.spineconsole.ui.common.UiExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * What the search as typed will cost, in one line under the filters ("Uses the index on sender and
 * time · about 1,200 rows to read"), from the server's plan; and the hold on a search that would read
 * more than the server's threshold, until the user narrows the window or says "Run anyway". Asking
 * never blocks: the latest question wins (an older answer is dropped), and when the server cannot
 * say (an older server, a failure) the hint is blank and the search runs as before.
 */
public final class SearchPlanHint {
    private final I18n i18n;
    private final MessageText text;
    private final LatestLoad load;
    private final StringProperty hint = new SimpleStringProperty("");
    private final StringProperty warning = new SimpleStringProperty("");
    private final BooleanProperty holding = new SimpleBooleanProperty();
    private SearchPlan plan;
    private String planFor;
    private String confirmedFor;

    SearchPlanHint(UiExecutor ui, I18n i18n, MessageText text) {
        this.i18n = i18n;
        this.text = text;
        this.load = new LatestLoad(ui, i18n, () -> !hint.get().isEmpty());
    }

    /**
     * Asks what {@code search} (the filters as {@code key} describes them) will cost; {@code then} gets
     * the plan on the UI thread, or empty when the server could not say.
     */
    void ask(MessagesApi api, String key, MessageSearch search, Consumer<Optional<SearchPlan>> then) {
        CompletableFuture<Optional<SearchPlan>> call = api.searchPlan(search)
                .handle((p, failure) -> failure == null ? Optional.ofNullable(p) : Optional.empty());
        load.start(call, answer -> {
            plan = answer.orElse(null);
            planFor = answer.isPresent() ? key : null;
            hint.set(answer.map(this::describe).orElse(""));
            then.accept(answer);
        }, answer -> answer.isEmpty());
    }

    /**
     * True, and the warning shown, when the plan known for {@code key} reads more than the server's
     * threshold and the user has not said to run it anyway.
     */
    boolean holdsBack(String key) {
        if (plan == null || !key.equals(planFor) || !plan.costly() || key.equals(confirmedFor)) {
            return false;
        }
        warning.set(i18n.get("messages.plan.costly", text.count(plan.rowsToRead()), text.count(plan.readThreshold())));
        holding.set(true);
        return true;
    }

    /** True when the plan shown is of the filters {@code key} describes. */
    boolean knows(String key) {
        return key != null && key.equals(planFor);
    }

    /** The user runs the held search anyway: these filters are not held again. */
    void confirm() {
        confirmedFor = planFor;
        release();
    }

    /** The warning goes (the search ran, or the filters changed). */
    void release() {
        holding.set(false);
        warning.set("");
    }

    /** Forgets the plan (the filters cannot be planned as they stand, or the session ended). */
    void clear() {
        load.clear();
        plan = null;
        planFor = null;
        hint.set("");
        release();
    }

    /** The plan in one line. */
    String describe(SearchPlan p) {
        if (p.rowsToRead() == 0) {
            return i18n.get("messages.plan.nothing"); // a party that never sent or received anything
        }
        String read = text.count(p.rowsToRead());
        String how = switch (p.access()) {
            case LOOKUP -> i18n.get("messages.plan.lookup");
            case INDEX -> i18n.get("messages.plan.index", indexWords(p.indexes()), read);
            case TIME_RANGE -> i18n.get("messages.plan.timeRange", read);
            case SCAN -> i18n.get("messages.plan.scan", read);
        };
        String result = p.complete() ? i18n.get("messages.plan.complete", text.count(p.rowsMatching()))
                : i18n.get("messages.plan.cut", text.count(p.limit()), text.count(p.rowsMatching()));
        return i18n.get("messages.plan.line", how, result);
    }

    /** What the indexes are on, in words ("sender or recipient"); an index this console does not know by its name. */
    private String indexWords(List<String> indexes) {
        List<String> words = new ArrayList<>();
        for (String index : indexes) {
            if (index.equals("message_by_time") && indexes.size() > 1) {
                continue; // "and time" is said already; a partition read by time beside the others adds nothing
            }
            String w = switch (index) {
                case "message_by_from_ods" -> i18n.get("messages.plan.on.sender");
                case "message_by_to_ods" -> i18n.get("messages.plan.on.recipient");
                case "message_by_status" -> i18n.get("messages.plan.on.status");
                case "message_by_site" -> i18n.get("messages.plan.on.site");
                case "message_by_interaction" -> i18n.get("messages.plan.on.interaction");
                case "message_by_conversation" -> i18n.get("messages.plan.on.conversation");
                case "message_by_signature" -> i18n.get("messages.plan.on.signature");
                case "message_by_time" -> i18n.get("messages.plan.on.time");
                default -> index;
            };
            if (!words.contains(w)) {
                words.add(w);
            }
        }
        return words.stream().reduce((a, b) -> i18n.get("messages.plan.on.either", a, b)).orElse("");
    }

    /** The plan in one line, or "" while none is known. */
    public ReadOnlyStringProperty hintProperty() {
        return hint;
    }

    /** Why the search is held, or "". */
    public ReadOnlyStringProperty warningProperty() {
        return warning;
    }

    /** True while a costly search waits for the user to narrow it or run it anyway. */
    public ReadOnlyBooleanProperty holdingProperty() {
        return holding;
    }
}
