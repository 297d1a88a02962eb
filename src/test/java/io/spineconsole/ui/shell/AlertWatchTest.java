package io.spineconsole.ui.shell;

import io.spineconsole.domain.Role;
import io.spineconsole.domain.alerts.Alert;
import io.spineconsole.domain.alerts.AlertChange;
import io.spineconsole.domain.alerts.AlertState;
import io.spineconsole.testing.FakeAlertsApi;
import io.spineconsole.testing.FakeBackboneApi;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.ManualDebouncer;
import io.spineconsole.ui.common.UiExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The band's open-alert count and the desktop notices, without a toolkit: the count follows the live
 * stream and the periodic reading; each new alert is announced once, many at once make one notice,
 * and what was open before the console connected is not news.
 */
class AlertWatchTest {
    private final I18n i18n = new I18n(Locale.UK);
    private final ManualDebouncer quiet = new ManualDebouncer();
    private final AlertWatch watch = new AlertWatch(i18n, quiet);
    private final AlertFeed feed = new AlertFeed(watch, new UiExecutor(Runnable::run), i18n);
    private final List<AlertWatch.Notice> notices = new ArrayList<>();
    private final FakeAlertsApi alerts = new FakeAlertsApi();
    private final FakeBackboneApi api = new FakeBackboneApi(Role.VIEWER).withAlerts(alerts);

    @BeforeEach
    void listen() {
        watch.onNotice(notices::add);
    }

    private static Alert failing(String ods) {
        return FakeAlertsApi.failing(UUID.randomUUID(), ods);
    }

    private static Alert withState(Alert a, AlertState state) {
        return new Alert(a.id(), a.ruleId(), a.ruleName(), a.ruleKind(), a.subject(), state, a.openedAt(),
                a.updatedAt(), a.evidence(), a.acknowledged(), a.snoozed(), a.snoozedUntil(),
                state == AlertState.RESOLVED ? a.updatedAt() : null, a.lastNotifiedAt(), a.notifications(), a.version() + 1);
    }

    @Test
    void theBadgeCountsWhatIsOpenWhenTheConsoleConnectsAndAnnouncesNoneOfIt() {
        alerts.alertList.add(failing("RR8"));
        alerts.alertList.add(failing("RTH"));
        alerts.alertList.add(withState(failing("RA7"), AlertState.RESOLVED));

        feed.connect(api, "INT");
        quiet.flush();

        assertTrue(watch.availableProperty().get());
        assertEquals(2, watch.countProperty().get());
        assertEquals("2 open alerts", watch.textProperty().get());
        assertEquals(List.of(), notices, "alerts open before the console connected are not news");
        assertEquals(List.of(AlertState.OPEN, AlertState.ACKNOWLEDGED, AlertState.SNOOZED),
                alerts.queries.get(0).states(), "the badge asks for unresolved alerts only");
    }

    @Test
    void anAlertOpeningOnTheStreamCountsAtOnceAndIsAnnouncedOnce() {
        feed.connect(api, "INT");
        assertEquals("No open alerts", watch.textProperty().get());

        Alert leeds = alerts.raise(failing("RR8"), AlertChange.OPENED);
        feed.pump();
        assertEquals(1, watch.countProperty().get());
        assertEquals("1 open alert", watch.textProperty().get());
        quiet.flush();
        assertEquals(1, notices.size());
        assertEquals("New alert in INT", notices.get(0).title());
        assertTrue(notices.get(0).text().contains("RR8"), notices.get(0).text());

        // Measured again, then re-read by the timer: still one alert, and not news again.
        alerts.raise(leeds, AlertChange.UPDATED);
        feed.pump();
        feed.refresh();
        quiet.flush();
        assertEquals(1, notices.size());
        assertEquals(1, watch.countProperty().get());

        alerts.raise(withState(leeds, AlertState.RESOLVED), AlertChange.RESOLVED);
        feed.pump();
        assertEquals(0, watch.countProperty().get());
    }

    @Test
    void manyAlertsOpeningTogetherMakeOneNoticeNotAFlood() {
        feed.connect(api, "LIVE");
        for (int i = 0; i < 40; i++) {
            alerts.raise(failing("R" + (10 + i)), AlertChange.OPENED);
        }
        feed.pump();
        quiet.flush();

        assertEquals(40, watch.countProperty().get());
        assertEquals(1, notices.size(), "one notice for the lot");
        assertEquals("40 new alerts in LIVE", notices.get(0).title());
        assertEquals(40, notices.get(0).count());
        assertTrue(notices.get(0).text().contains("and 39 more"), notices.get(0).text());
    }

    @Test
    void aRenotifiedAlertIsAnnouncedAgainAndOneResolvedBeforeTheNoticeIsNot() {
        feed.connect(api, "INT");
        Alert leeds = alerts.raise(failing("RR8"), AlertChange.OPENED);
        feed.pump();
        quiet.flush();
        assertEquals(1, notices.size());

        alerts.raise(leeds, AlertChange.RENOTIFIED);
        feed.pump();
        quiet.flush();
        assertEquals(2, notices.size(), "still failing after the quiet period: said again");

        Alert brief = alerts.raise(failing("RTH"), AlertChange.OPENED);
        alerts.raise(withState(brief, AlertState.RESOLVED), AlertChange.RESOLVED);
        feed.pump();
        quiet.flush();
        assertEquals(2, notices.size(), "opened and resolved within the pause: nothing to say");
    }

    @Test
    void theTimedReadingCatchesAnAlertTheStreamMissed() {
        feed.connect(api, "INT");
        alerts.alertList.add(failing("RR8")); // opened while the stream was reconnecting
        feed.refresh();
        quiet.flush();

        assertEquals(1, watch.countProperty().get());
        assertEquals(1, notices.size());
    }

    @Test
    void moreOpenAlertsThanOnePageAreCountedByTheServersTotal() {
        List<Alert> page = List.of(failing("RR8"), failing("RTH"));
        alerts.onAlerts = q -> java.util.concurrent.CompletableFuture.completedFuture(
                new io.spineconsole.api.Page<>(page, "next", 1_200, false));
        feed.connect(api, "LIVE");
        assertEquals(1_200, watch.countProperty().get());
        assertEquals("1,200 open alerts", watch.textProperty().get());
    }

    @Test
    void aServerWithoutAlertsShowsNoBadge() {
        alerts.onAlerts = q -> java.util.concurrent.CompletableFuture.failedFuture(FakeAlertsApi.notFound());
        feed.connect(api, "INT");
        assertFalse(watch.availableProperty().get());
        assertEquals("", watch.textProperty().get());
    }

    @Test
    void aNewSessionForgetsTheOldOne() {
        feed.connect(api, "INT");
        alerts.raise(failing("RR8"), AlertChange.OPENED);
        feed.pump();
        assertEquals(1, watch.countProperty().get());

        FakeAlertsApi other = new FakeAlertsApi();
        feed.connect(new FakeBackboneApi(Role.VIEWER).withAlerts(other), "DEP");
        assertEquals(0, watch.countProperty().get());
        assertEquals(io.spineconsole.api.LiveStream.State.CLOSED, alerts.stream.state, "the old stream is let go");
    }
}
