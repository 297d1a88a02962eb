package io.spineconsole.ui.shell;

import io.spineconsole.domain.alerts.AlertChange;
import io.spineconsole.ui.common.Debouncer;
import io.spineconsole.ui.common.I18n;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The open alerts of the connected environment, for the environment band's badge and the desktop
 * notices: how many are open now, and which opened since the console connected. What is open comes
 * from a full reading (at connect and on a timer, the fallback) and from change events on the live
 * stream in between. An alert is announced once, ever, per session: not the ones already open when the
 * console connected, not again when it is re-read, and many opening together make one notice
 * ("5 new alerts"), never a flood. UI thread only; {@link AlertFeed} feeds it.
 */
public final class AlertWatch {
    /** One alert as the watch needs it: its id, what it concerns in words, and whether it is open. */
    public record Seen(String id, String concerns, boolean open) {
        public Seen {
            Objects.requireNonNull(id, "id");
        }
    }

    /** A desktop notice to show: what opened, in a title and a line. */
    public record Notice(String title, String text, int count) {
    }

    private final I18n i18n;
    private final Debouncer quiet;
    private final Map<String, Seen> open = new LinkedHashMap<>();
    private final Set<String> announced = new HashSet<>();
    private final List<Seen> pending = new ArrayList<>();
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper();
    private Consumer<Notice> notices = n -> { };
    private String environment = "";
    private boolean baseline;
    /** Open alerts past the reading's one page (a backbone in deep trouble): counted, not listed. */
    private long beyondPage;

    /** @param quiet the pause after the last alert opens before the notice goes out (many make one) */
    public AlertWatch(I18n i18n, Debouncer quiet) {
        this.i18n = i18n;
        this.quiet = quiet;
    }

    /** Where notices go (the window's desktop notifications). */
    public void onNotice(Consumer<Notice> to) {
        notices = Objects.requireNonNull(to);
    }

    /** A new session: nothing is known, and what the first reading finds open is not news. */
    public void reset(String environmentName) {
        quiet.cancel();
        open.clear();
        announced.clear();
        pending.clear();
        environment = environmentName == null ? "" : environmentName;
        baseline = false;
        beyondPage = 0;
        available.set(false);
        show();
    }

    /** The server does not serve alerts (or refuses this person): no badge. */
    public void unavailable() {
        available.set(false);
        show();
    }

    /**
     * A full reading of the open alerts. The first after {@link #reset} sets what is not news; after
     * that, any open alert not seen before opened meanwhile (the stream missed it) and is announced.
     */
    public void openNow(List<Seen> alerts) {
        openNow(alerts, 0);
    }

    /** As {@link #openNow(List)}, with {@code more} open alerts the reading did not list (past its page). */
    public void openNow(List<Seen> alerts, long more) {
        beyondPage = Math.max(0, more);
        Map<String, Seen> now = new LinkedHashMap<>();
        for (Seen s : alerts) {
            if (s.open()) {
                now.put(s.id(), s);
            }
        }
        if (!baseline) {
            baseline = true;
            announced.addAll(now.keySet());
        }
        for (Seen s : now.values()) {
            announceIfNew(s);
        }
        open.clear();
        open.putAll(now);
        available.set(true);
        show();
        flushSoon();
    }

    /**
     * One alert changed (from the live stream): opened, acknowledged, snoozed or resolved. An opened
     * alert is announced unless it already was; a re-notified one (still open after its rule's quiet
     * period, or awake after a snooze) is announced again.
     */
    public void changed(Seen alert, AlertChange change) {
        if (alert.open()) {
            open.put(alert.id(), alert);
            if (change == AlertChange.RENOTIFIED) {
                announced.remove(alert.id());
            }
            if (change.notifies()) {
                announceIfNew(alert);
            }
        } else {
            open.remove(alert.id());
            pending.removeIf(p -> p.id().equals(alert.id())); // resolved before it was said: no notice
        }
        show();
        flushSoon();
    }

    private void announceIfNew(Seen s) {
        if (announced.add(s.id()) && pending.stream().noneMatch(p -> p.id().equals(s.id()))) {
            pending.add(s);
        }
    }

    private void flushSoon() {
        if (!pending.isEmpty()) {
            quiet.submit(this::flush);
        }
    }

    /** Sends one notice for every alert that opened since the last: the alert itself, or how many. */
    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<Seen> batch = List.copyOf(pending);
        pending.clear();
        Notice n = batch.size() == 1
                ? new Notice(i18n.get("alerts.notice.one", environment), batch.get(0).concerns(), 1)
                : new Notice(i18n.get("alerts.notice.many", batch.size(), environment),
                i18n.get("alerts.notice.manyText", batch.get(0).concerns(), batch.size() - 1), batch.size());
        notices.accept(n);
    }

    private void show() {
        long n = open.size() + beyondPage;
        count.set((int) Math.min(Integer.MAX_VALUE, n));
        text.set(!available.get() ? "" : n == 0 ? i18n.get("alerts.badge.none")
                : i18n.get("alerts.badge.open", n));
    }

    /** How many alerts are open now. */
    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** The badge in words ("3 open alerts", "No open alerts"); "" while unknown. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** True once the server has answered with its alerts: the badge shows. */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }
}
