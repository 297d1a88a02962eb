package io.spineconsole.ui.migration;

import io.spineconsole.domain.migration.ComponentState;
import io.spineconsole.domain.migration.SiteKind;
import io.spineconsole.domain.migration.Burndown;
import io.spineconsole.domain.migration.ChecklistItem;
import io.spineconsole.domain.migration.MigrationRules;
import io.spineconsole.domain.migration.SiteReadiness;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.migration.ProgrammeProgress.Blocker;
import io.spineconsole.ui.migration.ProgrammeProgress.SiteEvidence;
import io.spineconsole.ui.migration.ProgrammeProgress.Snapshot;
import io.spineconsole.ui.migration.ProgrammeProgress.TimelineEvent;
import io.spineconsole.ui.migration.ProgrammeProgress.WaveProgress;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The programme board's report: one self-contained, printable HTML file (its stylesheet inlined,
 * the burn-down drawn as inline SVG, no script, nothing fetched) with the burn-down, progress per
 * wave, the cut-over timeline, each site's readiness and sign-off, and what blocks the rest.
 */
public final class HtmlReport {
    private static final String CSS = load("/io/spineconsole/ui/migration/report.css");
    private final MigrationLabels labels;
    private final I18n i18n;
    private final NumberFormat numbers;

    public HtmlReport(MigrationLabels labels) {
        this.labels = labels;
        this.i18n = labels.i18n();
        this.numbers = NumberFormat.getIntegerInstance(labels.locale());
    }

    /**
     * @param environment the environment the figures come from (a report from a sandbox must say so)
     * @param preparedBy  who exported it
     */
    public String render(Snapshot s, Map<String, SiteKind> kinds, String environment, String preparedBy) {
        LocalDate today = LocalDate.ofInstant(s.takenAt(), labels.zone());
        StringBuilder h = new StringBuilder(32_768);
        h.append("<!DOCTYPE html>\n<html lang=\"").append(esc(labels.locale().toLanguageTag())).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(i18n.get("migration.report.title"))).append("</title>\n<style>\n")
                .append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(esc(i18n.get("migration.report.title"))).append("</h1>\n");
        h.append("<p class=\"meta\">").append(esc(i18n.get("migration.report.meta", environment, labels.dateTimeZoned(s.takenAt()),
                preparedBy))).append("</p>\n");
        summary(h, s, kinds);
        burndown(h, s, today);
        waves(h, s, today);
        timeline(h, s);
        sites(h, s);
        blockers(h, s, kinds);
        h.append("<footer>").append(esc(i18n.get("migration.report.footer"))).append("</footer>\n</body>\n</html>\n");
        return h.toString();
    }

    private void summary(StringBuilder h, Snapshot s, Map<String, SiteKind> kinds) {
        long total = s.components().size();
        long onPrem = s.components().stream().filter(c -> MigrationRules.isOnPremisesState(c.state())).count();
        long cut = s.components().stream().filter(c -> c.state() == ComponentState.CUT_OVER
                || c.state() == ComponentState.DECOMMISSIONING).count();
        long gone = s.components().stream().filter(c -> c.state() == ComponentState.DECOMMISSIONED).count();
        long blocked = s.components().stream().filter(c -> c.state() == ComponentState.BLOCKED
                || c.state() == ComponentState.ROLLED_BACK).count();
        long dcOpen = s.sites().stream().filter(e -> e.site().kind() == SiteKind.DATA_CENTRE
                && e.site().status() != io.spineconsole.domain.migration.SiteStatus.DECOMMISSIONED).count();
        h.append("<div class=\"numbers\">\n");
        number(h, total, i18n.get("migration.report.components"));
        number(h, onPrem, i18n.get("migration.report.onPremises"));
        number(h, cut, i18n.get("migration.report.cutOver"));
        number(h, gone, i18n.get("migration.report.decommissioned"));
        number(h, blocked, i18n.get("migration.report.blockedOrRolledBack"));
        number(h, dcOpen, i18n.get("migration.report.dataCentresOpen"));
        h.append("</div>\n");
    }

    private void number(StringBuilder h, long value, String label) {
        h.append("<div class=\"number\"><span class=\"value\">").append(numbers.format(value))
                .append("</span><span class=\"label\">").append(esc(label)).append("</span></div>\n");
    }

    /** The burn-down as an SVG line chart: components on premises (actual) against the plan line. */
    private void burndown(StringBuilder h, Snapshot s, LocalDate today) {
        h.append("<h2>").append(esc(i18n.get("migration.report.burndown"))).append("</h2>\n");
        List<Burndown.Point> points = s.burndown() == null ? List.of() : s.burndown().points();
        if (points.size() < 2) {
            h.append("<p class=\"empty\">").append(esc(i18n.get("migration.report.noBurndown"))).append("</p>\n");
            return;
        }
        double w = 960;
        double ht = 300;
        double left = 44;
        double right = 16;
        double top = 14;
        double bottom = 34;
        int max = 1;
        for (Burndown.Point p : points) {
            max = Math.max(max, Math.max(p.onPremises(), Math.max(p.plannedOnPremises(), p.total())));
        }
        long first = points.get(0).date().toEpochDay();
        long last = points.get(points.size() - 1).date().toEpochDay();
        long span = Math.max(1, last - first);
        double plotW = w - left - right;
        double plotH = ht - top - bottom;
        h.append("<svg viewBox=\"0 0 ").append(fmt(w)).append(' ').append(fmt(ht))
                .append("\" role=\"img\" aria-label=\"").append(esc(i18n.get("migration.report.burndownAlt",
                        points.get(0).onPremises(), points.get(points.size() - 1).onPremises())))
                .append("\">\n");
        int step = Math.max(1, (int) Math.ceil(max / 5.0));
        for (int v = 0; v <= max; v += step) {
            double y = top + plotH - plotH * v / max;
            h.append("<line class=\"grid\" x1=\"").append(fmt(left)).append("\" x2=\"").append(fmt(w - right))
                    .append("\" y1=\"").append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\"/>")
                    .append("<text class=\"tick\" x=\"").append(fmt(left - 6)).append("\" y=\"").append(fmt(y + 4))
                    .append("\" text-anchor=\"end\">").append(v).append("</text>\n");
        }
        h.append("<line class=\"axis\" x1=\"").append(fmt(left)).append("\" y1=\"").append(fmt(top + plotH))
                .append("\" x2=\"").append(fmt(w - right)).append("\" y2=\"").append(fmt(top + plotH)).append("\"/>\n");
        int labelsWanted = 6;
        int every = Math.max(1, points.size() / labelsWanted);
        for (int i = 0; i < points.size(); i += every) {
            Burndown.Point p = points.get(i);
            double x = left + plotW * (p.date().toEpochDay() - first) / span;
            h.append("<text class=\"tick\" x=\"").append(fmt(x)).append("\" y=\"").append(fmt(ht - 12))
                    .append("\" text-anchor=\"middle\">").append(esc(labels.date(p.date()))).append("</text>\n");
        }
        if (!today.isBefore(points.get(0).date()) && !today.isAfter(points.get(points.size() - 1).date())) {
            double x = left + plotW * (today.toEpochDay() - first) / span;
            h.append("<line class=\"today\" x1=\"").append(fmt(x)).append("\" x2=\"").append(fmt(x)).append("\" y1=\"")
                    .append(fmt(top)).append("\" y2=\"").append(fmt(top + plotH)).append("\"/>\n");
        }
        StringBuilder actual = new StringBuilder();
        StringBuilder plan = new StringBuilder();
        for (Burndown.Point p : points) {
            double x = left + plotW * (p.date().toEpochDay() - first) / span;
            actual.append(fmt(x)).append(',').append(fmt(top + plotH - plotH * p.onPremises() / max)).append(' ');
            plan.append(fmt(x)).append(',').append(fmt(top + plotH - plotH * p.plannedOnPremises() / max)).append(' ');
        }
        h.append("<polyline class=\"plan\" points=\"").append(plan.toString().strip()).append("\"/>\n");
        h.append("<polyline class=\"actual\" points=\"").append(actual.toString().strip()).append("\"/>\n");
        h.append("</svg>\n<p class=\"legend\"><span class=\"key-actual\">━</span> ")
                .append(esc(i18n.get("migration.progress.actual"))).append(" &nbsp; <span class=\"key-plan\">┅</span> ")
                .append(esc(i18n.get("migration.progress.plan"))).append("</p>\n");
    }

    private void waves(StringBuilder h, Snapshot s, LocalDate today) {
        h.append("<h2>").append(esc(i18n.get("migration.report.waves"))).append("</h2>\n");
        List<WaveProgress> rows = ProgrammeProgress.waves(s, today);
        if (rows.isEmpty()) {
            h.append("<p class=\"empty\">").append(esc(i18n.get("migration.progress.noWaves"))).append("</p>\n");
            return;
        }
        h.append("<table>\n<thead><tr><th>").append(esc(i18n.get("migration.report.wave"))).append("</th><th>")
                .append(esc(i18n.get("migration.report.planned"))).append("</th><th>")
                .append(esc(i18n.get("migration.report.progress"))).append("</th><th>")
                .append(esc(i18n.get("migration.report.status"))).append("</th></tr></thead>\n<tbody>\n");
        for (WaveProgress w : rows) {
            h.append("<tr><td>").append(esc(w.wave().name())).append("</td><td>")
                    .append(esc(labels.date(w.wave().plannedStart()))).append(" – ")
                    .append(esc(labels.date(w.wave().plannedEnd()))).append("</td><td><div class=\"bar\"><span style=\"width:")
                    .append(fmt(100 * w.fraction())).append("%\"></span></div>")
                    .append(esc(i18n.get("migration.progress.waveCount", w.offPremises(), w.total()))).append("</td><td>")
                    .append("<span class=\"status status-").append(waveStyle(w.status())).append("\">")
                    .append(esc(waveStatus(w.status()))).append("</span></td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    private void timeline(StringBuilder h, Snapshot s) {
        h.append("<h2>").append(esc(i18n.get("migration.report.timeline"))).append("</h2>\n");
        List<TimelineEvent> events = ProgrammeProgress.timeline(s, labels.zone());
        if (events.isEmpty()) {
            h.append("<p class=\"empty\">").append(esc(i18n.get("migration.progress.noTimeline"))).append("</p>\n");
            return;
        }
        h.append("<table>\n<thead><tr><th>").append(esc(i18n.get("migration.report.date"))).append("</th><th>")
                .append(esc(i18n.get("migration.report.component"))).append("</th><th>")
                .append(esc(i18n.get("migration.report.event"))).append("</th><th>")
                .append(esc(i18n.get("migration.report.byAndWhy"))).append("</th></tr></thead>\n<tbody>\n");
        for (TimelineEvent e : events) {
            h.append("<tr><td>").append(esc(e.date() == null ? i18n.get("migration.progress.noDate") : labels.date(e.date())))
                    .append("</td><td><strong>").append(esc(e.component())).append("</strong> ").append(esc(e.name()))
                    .append("</td><td><span class=\"status status-").append(eventStyle(e.kind())).append("\">")
                    .append(esc(eventLabel(e))).append("</span></td><td>")
                    .append(esc(e.by() == null ? "" : e.by()))
                    .append(e.reason() == null || e.reason().isBlank() ? "" : ": " + esc(e.reason())).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    private void sites(StringBuilder h, Snapshot s) {
        h.append("<h2>").append(esc(i18n.get("migration.report.sites"))).append("</h2>\n");
        h.append("<table>\n<thead><tr><th>").append(esc(i18n.get("migration.report.site"))).append("</th><th>")
                .append(esc(i18n.get("migration.report.readiness", s.days()))).append("</th><th>")
                .append(esc(i18n.get("migration.report.checklist"))).append("</th><th>")
                .append(esc(i18n.get("migration.report.signOff"))).append("</th></tr></thead>\n<tbody>\n");
        for (SiteEvidence e : s.sites()) {
            h.append("<tr><td><strong>").append(esc(e.site().code())).append("</strong> ").append(esc(e.site().name()))
                    .append("<br>").append(esc(labels.siteKind(e.site().kind()))).append(", ")
                    .append(esc(labels.siteStatus(e.site().status()))).append("</td><td>");
            SiteReadiness r = e.readiness();
            if (e.site().kind() != SiteKind.DATA_CENTRE) {
                h.append(esc(i18n.get("migration.report.cloudRegion", String.join(", ", e.site().componentsHosted()))));
            } else if (r == null) {
                h.append("<span class=\"empty\">").append(esc(i18n.get("migration.report.notRead"))).append("</span>");
            } else {
                h.append("<span class=\"status status-").append(r.ready() ? "ok" : "danger").append("\">")
                        .append(esc(i18n.get(r.ready() ? "migration.sites.ready" : "migration.sites.notReady")))
                        .append("</span><br>").append(esc(i18n.get("migration.sites.trafficCount",
                                r.messagesInWindow(), r.days(), r.siteCode())));
                if (!r.reasons().isEmpty()) {
                    h.append("<ul class=\"reasons\">");
                    r.reasons().forEach(reason -> h.append("<li>").append(esc(reason.message())).append("</li>"));
                    h.append("</ul>");
                }
            }
            h.append("</td><td>");
            if (e.checklist() != null) {
                long done = e.checklist().items().stream().filter(ChecklistItem::done).count();
                h.append(esc(i18n.get("migration.sites.checklistCount", done, e.checklist().items().size())));
            }
            h.append("</td><td>");
            if (e.checklist() != null && e.checklist().signedOffBy() != null) {
                h.append(esc(i18n.get("migration.report.signedOffBy", e.checklist().signedOffBy(),
                        labels.dateTimeZoned(e.checklist().signedOffAt())))).append("<br>")
                        .append(esc(e.checklist().signOffStatement() == null ? "" : e.checklist().signOffStatement()));
            } else if (e.site().kind() == SiteKind.DATA_CENTRE) {
                h.append("<span class=\"status status-warning\">").append(esc(i18n.get("migration.report.notSignedOff")))
                        .append("</span>");
            }
            h.append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    private void blockers(StringBuilder h, Snapshot s, Map<String, SiteKind> kinds) {
        h.append("<h2>").append(esc(i18n.get("migration.report.blockers"))).append("</h2>\n");
        List<Blocker> blockers = ProgrammeProgress.blockers(s, kinds);
        if (blockers.isEmpty()) {
            h.append("<p class=\"empty\">").append(esc(i18n.get("migration.report.noBlockers"))).append("</p>\n");
            return;
        }
        h.append("<table>\n<thead><tr><th>").append(esc(i18n.get("migration.report.component"))).append("</th><th>")
                .append(esc(i18n.get("migration.report.state"))).append("</th><th>")
                .append(esc(i18n.get("migration.report.why"))).append("</th></tr></thead>\n<tbody>\n");
        for (Blocker b : blockers) {
            boolean waiting = b.state() != ComponentState.BLOCKED && b.state() != ComponentState.ROLLED_BACK;
            h.append("<tr><td><strong>").append(esc(b.component())).append("</strong> ").append(esc(b.name()))
                    .append("</td><td><span class=\"status status-").append(waiting ? "warning" : "danger").append("\">")
                    .append(esc(labels.state(b.state()))).append("</span></td><td>")
                    .append(esc(waiting ? i18n.get("migration.report.waitsFor", b.reason()) : b.reason()))
                    .append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    String waveStatus(ProgrammeProgress.WaveStatus status) {
        return switch (status) {
            case NOT_STARTED -> i18n.get("migration.progress.notStarted");
            case IN_PROGRESS -> i18n.get("migration.progress.inProgress");
            case OVERDUE -> i18n.get("migration.progress.overdue");
            case COMPLETE -> i18n.get("migration.progress.complete");
        };
    }

    static String waveStyle(ProgrammeProgress.WaveStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    String eventLabel(TimelineEvent e) {
        return switch (e.kind()) {
            case CUT_OVER -> i18n.get("migration.progress.eventCutOver");
            case ROLLED_BACK -> i18n.get("migration.progress.eventRolledBack");
            case DUE -> e.wave() == null ? i18n.get("migration.progress.eventUnplanned")
                    : i18n.get("migration.progress.eventDue", e.wave());
        };
    }

    static String eventStyle(ProgrammeProgress.EventKind kind) {
        return switch (kind) {
            case CUT_OVER -> "cut-over";
            case ROLLED_BACK -> "rolled-back";
            case DUE -> "due";
        };
    }

    /** Escapes text for HTML content and attribute values. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String load(String resource) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
