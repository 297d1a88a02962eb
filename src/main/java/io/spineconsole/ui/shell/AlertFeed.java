package io.spineconsole.ui.shell;

import io.spineconsole.api.ApiException;
import io.spineconsole.api.BackboneApi;
import io.spineconsole.api.LiveStream;
import io.spineconsole.domain.alerts.Alert;
import io.spineconsole.domain.alerts.AlertChanged;
import io.spineconsole.domain.alerts.AlertQuery;
import io.spineconsole.domain.alerts.AlertState;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.UiExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Keeps an {@link AlertWatch} current for the open session: reads the unresolved alerts when the
 * session opens and on every {@link #refresh} (the window's timer: the fallback when the stream
 * misses something), and between readings takes the alert changes from the live stream on every
 * {@link #pump} (a few times a second at most). A server without alerts (older) or that refuses them
 * hides the badge; a failed reading keeps the last count. UI thread only.
 */
public final class AlertFeed {
    private static final Logger LOG = LoggerFactory.getLogger(AlertFeed.class);
    /** Enough for every unresolved alert of a backbone in trouble; past it, the count is the server's total. */
    static final int PAGE = 500;
    static final int STREAM_BUFFER = 256;

    private final AlertWatch watch;
    private final UiExecutor ui;
    private final I18n i18n;
    private BackboneApi api;
    private LiveStream stream;
    private CompletableFuture<?> reading;

    public AlertFeed(AlertWatch watch, UiExecutor ui, I18n i18n) {
        this.watch = watch;
        this.ui = ui;
        this.i18n = i18n;
    }

    /** Follows a newly opened session (null: none), in the environment named. */
    public void connect(BackboneApi newApi, String environmentName) {
        disconnect();
        watch.reset(environmentName);
        api = newApi;
        if (api == null) {
            return;
        }
        try {
            stream = api.alerts().changes(STREAM_BUFFER);
        } catch (RuntimeException e) {
            LOG.warn("Could not open the alert changes stream; the badge follows the periodic reading", e);
        }
        refresh();
    }

    /** Reads the unresolved alerts again (the newest reading wins). */
    public void refresh() {
        if (api == null) {
            return;
        }
        if (reading != null) {
            reading.cancel(true);
        }
        BackboneApi asked = api;
        reading = ui.deliver(asked.alerts().alerts(new AlertQuery(AlertState.ACTIVE, null, null, null, null, PAGE, null)),
                page -> {
                    if (asked == api) {
                        long more = page.nextCursor() == null ? 0 : page.approximateTotal() - page.items().size();
                        watch.openNow(page.items().stream().map(this::seen).toList(), more);
                    }
                }, failure -> {
                    ApiException e = ApiException.unwrap(failure);
                    if (e != null && (e.status() == 404 || e.status() == 403 || e.status() == 401)) {
                        watch.unavailable(); // an older server, or one that shows this person no alerts
                    } else {
                        LOG.debug("Could not read the open alerts; the badge keeps its count", failure);
                    }
                });
    }

    /** Takes the alert changes the stream has collected since the last pump. */
    public void pump() {
        if (stream == null) {
            return;
        }
        List<AlertChanged> changes = stream.drainAlerts(STREAM_BUFFER);
        for (AlertChanged c : changes) {
            watch.changed(seen(c.alert()), c.change());
        }
    }

    /** Stops following the session (it is closing). */
    public void disconnect() {
        if (reading != null) {
            reading.cancel(true);
            reading = null;
        }
        if (stream != null) {
            stream.close();
            stream = null;
        }
        api = null;
    }

    /** An alert as the watch counts and announces it: what it concerns, in words. */
    private AlertWatch.Seen seen(Alert a) {
        return new AlertWatch.Seen(a.id().toString(), io.spineconsole.ui.common.AlertWords.headline(a, i18n), a.state().active());
    }
}
