package io.spineconsole.ui.messages;

import io.spineconsole.api.MessagesApi;
import io.spineconsole.domain.messages.MessageStats;
import io.spineconsole.domain.messages.StatsBucket;
import io.spineconsole.domain.messages.StatsGroup;
import io.spineconsole.domain.messages.StatsKey;
import io.spineconsole.domain.messages.StatsPoint;
import io.spineconsole.domain.messages.StatsQuery;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.LatestLoad;
import io.spineconsole.ui.common.LoadStatus;
import io.spineconsole.ui.common.UiExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.ToDoubleFunction;

/**
 * Throughput, error rate and latency (p50/p95/p99) over time, by interaction, endpoint or site, from
 * the server's roll-ups: the series as plain points for the charts, and the totals per key, each a way
 * into the search (and, for an endpoint, its registration).
 */
public final class ChartsViewModel {
    static final List<TimeRange> WINDOWS = List.of(TimeRange.LAST_HOUR, TimeRange.LAST_6_HOURS,
            TimeRange.LAST_24_HOURS, TimeRange.LAST_7_DAYS);
    /** Series drawn per chart: more is unreadable. */
    static final int TOP = 6;

    /** One point of a chart. */
    record Point(Instant at, double value) {
    }

    /** One line of a chart. */
    record Series(String key, String label, List<Point> points) {
    }

    private final I18n i18n;
    private final Clock clock;
    private final LatestLoad load;
    private final ObjectProperty<StatsGroup> group = new SimpleObjectProperty<>(StatsGroup.INTERACTION);
    private final ObjectProperty<TimeRange> window = new SimpleObjectProperty<>(TimeRange.LAST_HOUR);
    private final ObservableList<StatsKey> keys = FXCollections.observableArrayList();
    private final ObjectProperty<List<Series>> throughput = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<List<Series>> errorRate = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<List<Series>> latency = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<StatsKey> latencyKey = new SimpleObjectProperty<>();
    private final ObjectProperty<MessageStats> stats = new SimpleObjectProperty<>();
    private MessagesApi api;
    private boolean loaded;

    public ChartsViewModel(UiExecutor ui, I18n i18n, Clock clock) {
        this.i18n = i18n;
        this.clock = clock;
        this.load = new LatestLoad(ui, i18n, () -> !keys.isEmpty());
        load.onRetry(this::load);
        latencyKey.addListener((o, a, k) -> latency.set(latencySeries(stats.get(), k)));
    }

    public void connect(MessagesApi newApi) {
        load.clear();
        api = newApi;
        loaded = false;
        keys.clear();
        stats.set(null);
        throughput.set(List.of());
        errorRate.set(List.of());
        latency.set(List.of());
    }

    /** The bucket that keeps a window readable (and within the server's 1,440 buckets a series). */
    static StatsBucket bucketFor(TimeRange window) {
        return switch (window) {
            case LAST_15_MINUTES, LAST_HOUR -> StatsBucket.MINUTE;
            case LAST_6_HOURS -> StatsBucket.FIVE_MINUTES;
            case LAST_24_HOURS -> StatsBucket.QUARTER_HOUR;
            case LAST_7_DAYS -> StatsBucket.HOUR;
            default -> StatsBucket.DAY;
        };
    }

    public void load() {
        if (api == null) {
            return;
        }
        loaded = true;
        Instant end = clock.instant();
        TimeRange w = window.get();
        StatsQuery q = new StatsQuery(group.get(), end.minus(w.length()), end, bucketFor(w), TOP, null, null, null, null);
        load.start(api.stats(q), this::show, s -> s.keys().isEmpty());
    }

    void loadIfNeeded() {
        if (!loaded) {
            load();
        }
    }

    private void show(MessageStats s) {
        stats.set(s);
        keys.setAll(s.keys());
        double bucketSeconds = s.bucket().length().toSeconds();
        throughput.set(series(s, p -> p.count() / bucketSeconds));
        errorRate.set(series(s, p -> p.count() == 0 ? 0 : 100.0 * p.errors() / p.count()));
        StatsKey keep = latencyKey.get() == null ? null
                : s.keys().stream().filter(k -> k.key().equals(latencyKey.get().key())).findFirst().orElse(null);
        StatsKey chosen = keep != null ? keep : s.keys().stream().filter(k -> !k.key().equals("other")).findFirst()
                .orElse(s.keys().isEmpty() ? null : s.keys().get(0));
        if (chosen == latencyKey.get()) {
            latency.set(latencySeries(s, chosen));
        } else {
            latencyKey.set(chosen);
        }
    }

    /** One series per key, in the keys' order (largest first, "other" last). */
    static List<Series> series(MessageStats s, ToDoubleFunction<StatsPoint> value) {
        Map<String, List<Point>> byKey = new LinkedHashMap<>();
        for (StatsKey k : s.keys()) {
            byKey.put(k.key(), new ArrayList<>());
        }
        for (StatsPoint p : s.series()) {
            List<Point> points = byKey.get(p.key());
            if (points != null) {
                points.add(new Point(p.bucketStart(), value.applyAsDouble(p)));
            }
        }
        List<Series> out = new ArrayList<>();
        for (StatsKey k : s.keys()) {
            out.add(new Series(k.key(), k.label(), byKey.get(k.key())));
        }
        return out;
    }

    /** p50, p95 and p99 of one key; buckets with nothing delivered have no point. */
    List<Series> latencySeries(MessageStats s, StatsKey key) {
        if (s == null || key == null) {
            return List.of();
        }
        List<Point> p50 = new ArrayList<>();
        List<Point> p95 = new ArrayList<>();
        List<Point> p99 = new ArrayList<>();
        for (StatsPoint p : s.series()) {
            if (!p.key().equals(key.key()) || p.p50Ms() == null) {
                continue;
            }
            p50.add(new Point(p.bucketStart(), p.p50Ms()));
            p95.add(new Point(p.bucketStart(), p.p95Ms() == null ? p.p50Ms() : p.p95Ms()));
            p99.add(new Point(p.bucketStart(), p.p99Ms() == null ? p.p50Ms() : p.p99Ms()));
        }
        return List.of(new Series("p50", i18n.get("messages.charts.p50"), p50),
                new Series("p95", i18n.get("messages.charts.p95"), p95),
                new Series("p99", i18n.get("messages.charts.p99"), p99));
    }

    /** For an endpoint key, its id (the key "unresolved" and "other" have none). */
    static Optional<UUID> endpointOf(StatsKey k) {
        return SearchForm.isUuid(k.key()) ? Optional.of(UUID.fromString(k.key())) : Optional.empty();
    }

    public void dispose() {
        load.cancel();
    }

    public ObjectProperty<StatsGroup> groupProperty() {
        return group;
    }

    public ObjectProperty<TimeRange> windowProperty() {
        return window;
    }

    /** Where the charts' load stands (busy, empty, failed with why); Retry loads again. */
    public LoadStatus status() {
        return load.status();
    }

    public ObservableList<StatsKey> keys() {
        return keys;
    }

    public ObjectProperty<List<Series>> throughputProperty() {
        return throughput;
    }

    public ObjectProperty<List<Series>> errorRateProperty() {
        return errorRate;
    }

    public ObjectProperty<List<Series>> latencyProperty() {
        return latency;
    }

    public ObjectProperty<StatsKey> latencyKeyProperty() {
        return latencyKey;
    }

    public ObjectProperty<MessageStats> statsProperty() {
        return stats;
    }
}
