package io.spineconsole.sandbox.migration;

import io.spineconsole.api.Page;
import io.spineconsole.domain.Coded;
import io.spineconsole.domain.migration.SiteKind;
import io.spineconsole.domain.migration.ChecklistItem;
import io.spineconsole.domain.migration.ChecklistItemCreate;
import io.spineconsole.domain.migration.MigrationBlocker;
import io.spineconsole.domain.migration.MigrationRules;
import io.spineconsole.domain.migration.ReadinessReasonCode;
import io.spineconsole.domain.migration.SignOffRequest;
import io.spineconsole.domain.migration.Site;
import io.spineconsole.domain.migration.SiteChecklist;
import io.spineconsole.domain.migration.SiteCreate;
import io.spineconsole.domain.migration.SiteReadiness;
import io.spineconsole.domain.migration.SiteStatus;
import io.spineconsole.domain.migration.SiteUpdate;
import io.spineconsole.sandbox.Actor;
import io.spineconsole.sandbox.SandboxContext;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.outcome.Issue;
import io.spineconsole.sandbox.outcome.Issues;
import io.spineconsole.sandbox.outcome.NotFound;
import io.spineconsole.sandbox.outcome.Refused;
import io.spineconsole.sandbox.outcome.Version;
import io.spineconsole.sandbox.paging.PageCursor;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Sites, their decommission checklists, readiness from evidence, and the sign-off. */
public final class SiteStore {
    static final Map<String, Keyset> SORTS = Map.of(
            "code", new Keyset(null, false, s -> s),
            "-code", new Keyset(null, true, s -> s),
            "name", new Keyset("s.name", false, s -> s),
            "-name", new Keyset("s.name", true, s -> s));
    private static final String COLUMNS = "code, name, kind, region, status, signed_off_by, signed_off_at, version, "
            + "created_at, created_by, updated_at, updated_by";
    private static final String ITEM_COLUMNS = "item_key, title, owner, done, evidence, signed_off_by, signed_off_at, "
            + "version, created_at, created_by, updated_at, updated_by";

    private final SandboxContext context;

    /** The sort orders a search may ask for. */
    public static Set<String> sorts() {
        return SORTS.keySet();
    }

    public SiteStore(SandboxContext context) {
        this.context = context;
    }

    public record Search(SiteKind kind, List<SiteStatus> statuses, String q, String sort, int limit, PageCursor cursor) {
    }

    public Page<Site> list(Search s) {
        return context.sql().inTransaction(c -> {
            List<String> where = new ArrayList<>();
            List<Object> params = new ArrayList<>();
            if (s.kind() != null) {
                where.add("s.kind = ?");
                params.add(s.kind().code());
            }
            if (!s.statuses().isEmpty()) {
                where.add("s.status IN (" + String.join(", ", s.statuses().stream().map(x -> "?").toList()) + ")");
                s.statuses().forEach(x -> params.add(x.code()));
            }
            if (s.q() != null) {
                where.add("(s.code LIKE ? OR LOWER(s.name) LIKE ?)");
                params.add(s.q().toUpperCase(Locale.ROOT).replace("%", "") + "%");
                params.add("%" + s.q().toLowerCase(Locale.ROOT).replace("%", "") + "%");
            }
            String scope = "sites|" + s.kind() + "|" + s.statuses() + "|" + s.q() + "|" + s.sort();
            Page<String> codes = SORTS.get(s.sort()).page(c, new Keyset.Filter("site s", "s.code", where, params, scope),
                    s.limit(), s.cursor(), r -> r.getString("page_sort"));
            List<Site> items = new ArrayList<>();
            for (String code : codes.items()) {
                items.add(find(c, code));
            }
            return new Page<>(items, codes.nextCursor(), codes.approximateTotal(), codes.totalIsExact());
        });
    }

    public Site get(String code) {
        return context.sql().inTransaction(c -> find(c, code));
    }

    public Site create(Actor actor, SiteCreate body) {
        Issues errors = new Issues();
        Checks.siteCode(errors, "/code", body.code());
        Checks.required(errors, "/name", body.name(), 200);
        Checks.optional(errors, "/region", body.region(), 100);
        if (body.kind() == null) {
            errors.add("/kind", "REQUIRED", "Say whether the site is a data centre or a cloud region.");
        }
        statusRules(errors, body.kind(), body.status());
        errors.throwIfAny();
        return context.sql().inTransaction(c -> {
            if (!Sql.list(c, "SELECT 1 FROM site WHERE code = ?", r -> 1, body.code()).isEmpty()) {
                throw Checks.duplicate("/code", "Site " + body.code() + " already exists.", "site", body.code());
            }
            Instant now = context.clock().instant();
            Sql.update(c, "INSERT INTO site (code, name, kind, region, status, version, created_at, created_by, updated_at, "
                            + "updated_by) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?)", body.code(), body.name(),
                    body.kind().code(), body.region(), body.status().code(), now, actor.name(), now, actor.name());
            if (body.kind() == SiteKind.DATA_CENTRE) {
                addStandardChecklist(c, body.code(), actor.name(), now);
            }
            Site created = find(c, body.code());
            context.audit().record(c, actor, "create", "site", body.code(), null, null, created);
            return created;
        });
    }

    /** Gives a data centre the standard decommission checklist (not done). */
    static void addStandardChecklist(Connection c, String site, String by, Instant now) throws SQLException {
        int seq = 1;
        for (Map.Entry<String, String> item : MigrationRules.STANDARD_CHECKLIST) {
            Sql.update(c, "INSERT INTO checklist_item (site_code, item_key, seq, title, done, version, created_at, "
                            + "created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, FALSE, 1, ?, ?, ?, ?)",
                    site, item.getKey(), seq++, item.getValue(), now, by, now, by);
        }
    }

    public Site update(Actor actor, String code, Version version, SiteUpdate body) {
        Issues errors = new Issues();
        Checks.required(errors, "/name", body.name(), 200);
        Checks.optional(errors, "/region", body.region(), 100);
        return context.sql().inTransaction(c -> {
            Site before = find(c, code);
            version.check(before.version(), before);
            if (before.status() == SiteStatus.DECOMMISSIONED) {
                throw signedOff(code, before);
            }
            statusRules(errors, before.kind(), body.status());
            errors.throwIfAny();
            Sql.update(c, "UPDATE site SET name = ?, region = ?, status = ?, version = version + 1, updated_at = ?, "
                            + "updated_by = ? WHERE code = ?", body.name(), body.region(), body.status().code(),
                    context.clock().instant(), actor.name(), code);
            Site after = find(c, code);
            context.audit().record(c, actor, "update", "site", code, null, before, after);
            return after;
        });
    }

    private static void statusRules(Issues errors, SiteKind kind, SiteStatus status) {
        if (status == null) {
            errors.add("/status", "REQUIRED", "Give the site's status.");
        } else if (status == SiteStatus.DECOMMISSIONED) {
            errors.add("/status", "ENUM", "Only the decommission sign-off sets a site to decommissioned.");
        } else if (status == SiteStatus.DRAINING && kind == SiteKind.CLOUD_REGION) {
            errors.add("/status", "ENUM", "Only a data centre can be draining.");
        }
    }

    public SiteChecklist checklist(String code) {
        return context.sql().inTransaction(c -> checklist(c, code));
    }

    public ChecklistItem item(String code, String key) {
        return context.sql().inTransaction(c -> {
            find(c, code);
            return findItem(c, code, key);
        });
    }

    public ChecklistItem createItem(Actor actor, String code, ChecklistItemCreate body) {
        Issues errors = new Issues();
        if (body.key() == null) {
            errors.add("/key", "REQUIRED", "Give the item a key, for example traffic-drained.");
        } else if (!Checks.ITEM_KEY.matcher(body.key()).matches()) {
            errors.add("/key", "PATTERN", "A key is 2-64 lower-case letters, digits and hyphens, for example dns-removed.");
        }
        Checks.required(errors, "/title", body.title(), 300);
        Checks.optional(errors, "/owner", body.owner(), 100);
        errors.throwIfAny();
        return context.sql().inTransaction(c -> {
            Site site = find(c, code);
            refuseIfSignedOff(code, site);
            if (!Sql.list(c, "SELECT 1 FROM checklist_item WHERE site_code = ? AND item_key = ?", r -> 1, code,
                    body.key()).isEmpty()) {
                throw Checks.duplicate("/key", "Checklist item " + body.key() + " already exists.", null, null);
            }
            int seq = Sql.list(c, "SELECT COALESCE(MAX(seq), 0) FROM checklist_item WHERE site_code = ?",
                    r -> r.getInt(1), code).get(0) + 1;
            Instant now = context.clock().instant();
            Sql.update(c, "INSERT INTO checklist_item (site_code, item_key, seq, title, owner, done, version, created_at, "
                            + "created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, FALSE, 1, ?, ?, ?, ?)",
                    code, body.key(), seq, body.title(), body.owner(), now, actor.name(), now, actor.name());
            bumpChecklist(c, code);
            ChecklistItem created = findItem(c, code, body.key());
            context.audit().record(c, actor, "create", "checklist-item", code + "/" + body.key(), null, null, created);
            return created;
        });
    }

    public ChecklistItem updateItem(Actor actor, String code, String key, Version version, MergePatch patch) {
        MergePatch.Member<String> title = patch.text("title", 300, false);
        MergePatch.Member<String> owner = patch.text("owner", 100, true);
        MergePatch.Member<Boolean> done = patch.bool("done");
        MergePatch.Member<String> evidence = patch.text("evidence", 2000, true);
        patch.issues().throwIfAny();
        return context.sql().inTransaction(c -> {
            Site site = find(c, code);
            ChecklistItem before = findItem(c, code, key);
            version.check(before.version(), before);
            refuseIfSignedOff(code, site);
            boolean isDone = done.or(before.done());
            String newEvidence = evidence.or(before.evidence());
            if (isDone && (newEvidence == null || newEvidence.isBlank())) {
                new Issues().add("/evidence", "EVIDENCE_REQUIRED", "Give evidence (a report, a change record, a "
                        + "certificate of destruction) before marking the item done.").throwIfAny();
            }
            Instant now = context.clock().instant();
            String signedOffBy = isDone ? (before.done() ? before.signedOffBy() : actor.name()) : null;
            Instant signedOffAt = isDone ? (before.done() ? before.signedOffAt() : now) : null;
            Sql.update(c, "UPDATE checklist_item SET title = ?, owner = ?, done = ?, evidence = ?, signed_off_by = ?, "
                            + "signed_off_at = ?, version = version + 1, updated_at = ?, updated_by = ? "
                            + "WHERE site_code = ? AND item_key = ?", title.or(before.title()), owner.or(before.owner()),
                    isDone, newEvidence, signedOffBy, signedOffAt, now, actor.name(), code, key);
            bumpChecklist(c, code);
            ChecklistItem after = findItem(c, code, key);
            context.audit().record(c, actor, "update", "checklist-item", code + "/" + key, null, before, after);
            return after;
        });
    }

    public SiteReadiness readiness(String code, int days) {
        return context.sql().inTransaction(c -> readiness(c, find(c, code), days));
    }

    /**
     * Signs a data centre off for decommissioning: refused (409) unless it is ready — no traffic in
     * the window, nothing left that has not cut over, every checklist item done.
     */
    public SiteChecklist signOff(Actor actor, String code, Version version, SignOffRequest body) {
        Issues errors = new Issues();
        if (body.statement() == null || body.statement().trim().length() < 3) {
            errors.add("/statement", body.statement() == null ? "REQUIRED" : "TOO_SHORT",
                    "Write the sign-off statement (at least 3 characters).");
        } else {
            Checks.length(errors, "/statement", body.statement(), 2000);
        }
        int days = body.days() == null ? 30 : body.days();
        if (days < 1 || days > 365) {
            errors.add("/days", "OUT_OF_RANGE", "days must be from 1 to 365.");
        }
        errors.throwIfAny();
        return context.sql().inTransaction(c -> {
            Site site = find(c, code);
            SiteChecklist before = checklist(c, code);
            version.check(before.version(), before);
            SiteReadiness readiness = readiness(c, site, days);
            if (!readiness.ready()) {
                throw refusal(Programme.load(c), site, readiness, before);
            }
            Instant now = context.clock().instant();
            Sql.update(c, "UPDATE site SET status = ?, signed_off_by = ?, signed_off_at = ?, sign_off_statement = ?, "
                            + "checklist_version = checklist_version + 1, version = version + 1, updated_at = ?, "
                            + "updated_by = ? WHERE code = ?", SiteStatus.DECOMMISSIONED.code(), actor.name(), now,
                    body.statement().trim(), now, actor.name(), code);
            SiteChecklist after = checklist(c, code);
            context.audit().record(c, actor, "sign-off", "site-checklist", code, body.statement().trim(), before, after);
            context.audit().record(c, actor, "update", "site", code, body.statement().trim(), site, find(c, code));
            return after;
        });
    }

    private Refused refusal(Programme programme, Site site, SiteReadiness readiness, SiteChecklist checklist) {
        List<Issue> problems = new ArrayList<>();
        List<MigrationBlocker> blockers = new ArrayList<>();
        for (SiteReadiness.Reason r : readiness.reasons()) {
            switch (r.code()) {
                case TRAFFIC_IN_WINDOW -> problems.add(new Issue("/days", "TRAFFIC_IN_WINDOW", r.message()));
                case COMPONENTS_HOSTED -> {
                    problems.add(new Issue("", "COMPONENTS_HOSTED", r.message()));
                    blockers.add(new MigrationBlocker(r.component(), programme.state(r.component()), site.code(),
                            r.message()));
                }
                case CHECKLIST_INCOMPLETE -> checklist.items().stream().filter(i -> !i.done()).forEach(i ->
                        problems.add(new Issue("/items/" + i.key(), "ITEM_NOT_DONE", i.title() + " is not done.")));
                case ALREADY_DECOMMISSIONED -> problems.add(new Issue("", "ALREADY_SIGNED_OFF", r.message()));
                case NOT_A_DATA_CENTRE -> problems.add(new Issue("", "NOT_A_DATA_CENTRE", r.message()));
            }
        }
        String detail = site.code() + " cannot be signed off: " + readiness.reasons().get(0).message()
                + (readiness.reasons().size() > 1 ? " (and " + (readiness.reasons().size() - 1) + " more reasons)" : "");
        return new Refused(Refused.Kind.TRANSITION, detail, problems, null).with("blockers", blockers);
    }

    /** Messages routed through a site in a window, and the latest one's time. */
    private record Traffic(long count, Instant latest) {
    }

    /** A checklist's own version and sign-off statement, kept on its site's row. */
    private record ChecklistHead(long version, String statement) {
    }

    private SiteReadiness readiness(Connection c, Site site, int days) throws SQLException {
        Instant now = context.clock().instant();
        Instant since = now.minus(Duration.ofDays(days));
        Traffic traffic = Sql.list(c, "SELECT COUNT(*) AS n, MAX(created_at) AS latest FROM message WHERE site_code = ? "
                + "AND created_at >= ?", r -> new Traffic(r.getLong("n"), Sql.instant(r, "latest")), site.code(), since).get(0);
        Instant lastMessageAt = traffic.latest() != null ? traffic.latest() : site.lastMessageAt();
        List<SiteReadiness.Reason> reasons = new ArrayList<>();
        if (site.status() == SiteStatus.DECOMMISSIONED) {
            reasons.add(new SiteReadiness.Reason(ReadinessReasonCode.ALREADY_DECOMMISSIONED,
                    site.code() + " was signed off by " + site.signedOffBy() + ".", null));
        }
        if (site.kind() != SiteKind.DATA_CENTRE) {
            reasons.add(new SiteReadiness.Reason(ReadinessReasonCode.NOT_A_DATA_CENTRE,
                    site.code() + " is a cloud region; only data centres are decommissioned here.", null));
        }
        if (traffic.count() > 0) {
            reasons.add(new SiteReadiness.Reason(ReadinessReasonCode.TRAFFIC_IN_WINDOW,
                    NumberFormat.getIntegerInstance(Locale.UK).format(traffic.count()) + " messages routed through "
                            + site.code() + " in the last " + days + " days.", null));
        }
        Programme programme = Programme.load(c);
        for (String component : site.componentsHosted()) {
            if (!MigrationRules.isCutOverOrLater(programme.state(component))) {
                reasons.add(new SiteReadiness.Reason(ReadinessReasonCode.COMPONENTS_HOSTED, component + " ("
                        + programme.state(component).code() + ") is hosted at " + site.code() + ".", component));
            }
        }
        SiteChecklist checklist = checklist(c, site.code());
        if (!checklist.complete()) {
            long open = checklist.items().stream().filter(i -> !i.done()).count();
            reasons.add(new SiteReadiness.Reason(ReadinessReasonCode.CHECKLIST_INCOMPLETE, open + " of "
                    + checklist.items().size() + " checklist items are not done.", null));
        }
        return new SiteReadiness(site.code(), days, reasons.isEmpty(), traffic.count(), lastMessageAt,
                site.componentsHosted(), checklist.complete(), reasons, now);
    }

    private static Refused signedOff(String code, Site site) {
        String message = "The " + code + " checklist has been signed off by " + site.signedOffBy() + " and can no longer change.";
        return new Refused(Refused.Kind.TRANSITION, message, List.of(new Issue("", "ALREADY_SIGNED_OFF",
                "The checklist is closed.")), null);
    }

    private static void refuseIfSignedOff(String code, Site site) {
        if (site.signedOffAt() != null) {
            throw signedOff(code, site);
        }
    }

    private static void bumpChecklist(Connection c, String code) throws SQLException {
        Sql.update(c, "UPDATE site SET checklist_version = checklist_version + 1 WHERE code = ?", code);
    }

    private SiteChecklist checklist(Connection c, String code) throws SQLException {
        Site site = find(c, code);
        ChecklistHead head = Sql.list(c, "SELECT checklist_version, sign_off_statement FROM site WHERE code = ?",
                r -> new ChecklistHead(r.getLong(1), r.getString(2)), code).get(0);
        List<ChecklistItem> items = Sql.list(c, "SELECT " + ITEM_COLUMNS + " FROM checklist_item WHERE site_code = ? "
                + "ORDER BY seq, item_key", SiteStore::item, code);
        return new SiteChecklist(code, head.version(), items, !items.isEmpty() && items.stream().allMatch(ChecklistItem::done),
                site.signedOffBy(), site.signedOffAt(), head.statement());
    }

    private static ChecklistItem findItem(Connection c, String code, String key) throws SQLException {
        return Sql.list(c, "SELECT " + ITEM_COLUMNS + " FROM checklist_item WHERE site_code = ? AND item_key = ?",
                        SiteStore::item, code, key).stream().findFirst()
                .orElseThrow(() -> new NotFound("Checklist item " + key + " of " + code));
    }

    private static ChecklistItem item(ResultSet r) throws SQLException {
        return new ChecklistItem(r.getString("item_key"), r.getString("title"), r.getString("owner"),
                r.getBoolean("done"), r.getString("evidence"), r.getString("signed_off_by"),
                Sql.instant(r, "signed_off_at"), r.getLong("version"), Sql.instant(r, "created_at"),
                r.getString("created_by"), Sql.instant(r, "updated_at"), r.getString("updated_by"));
    }

    static Site find(Connection c, String code) throws SQLException {
        List<Site> rows = Sql.list(c, "SELECT " + COLUMNS + " FROM site WHERE code = ?", r -> site(c, r), code);
        if (rows.isEmpty()) {
            throw new NotFound("Site " + code);
        }
        return rows.get(0);
    }

    private static Site site(Connection c, ResultSet r) throws SQLException {
        String code = r.getString("code");
        List<String> hosted = Sql.list(c, "SELECT component_code FROM component_hosting WHERE site_code = ? "
                + "ORDER BY component_code", x -> x.getString(1), code);
        // The newest message first through the (site_code, created_at DESC) index: one row read.
        Instant last = Sql.list(c, "SELECT created_at FROM message WHERE site_code = ? ORDER BY created_at DESC "
                + "FETCH FIRST 1 ROWS ONLY", x -> Sql.instant(x, "created_at"), code).stream().findFirst().orElse(null);
        return new Site(code, r.getString("name"), Coded.fromCode(SiteKind.class, r.getString("kind")),
                r.getString("region"), Coded.fromCode(SiteStatus.class, r.getString("status")), hosted, last,
                r.getString("signed_off_by"), Sql.instant(r, "signed_off_at"), r.getLong("version"),
                Sql.instant(r, "created_at"), r.getString("created_by"), Sql.instant(r, "updated_at"),
                r.getString("updated_by"));
    }
}
