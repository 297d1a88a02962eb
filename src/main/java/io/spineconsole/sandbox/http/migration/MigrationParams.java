package io.spineconsole.sandbox.http.migration;

import io.javalin.http.Context;
import io.spineconsole.sandbox.http.ProblemException;
import io.spineconsole.sandbox.http.QueryParams;
import io.spineconsole.sandbox.migration.Checks;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Reads the migration operations' path and query parameters, refusing malformed ones with 400. */
final class MigrationParams {
    private MigrationParams() {
    }

    /** The path's site code, or 400 INVALID_IDENTIFIER_VALUE. */
    static String site(Context ctx) {
        return path(ctx, "siteCode", Checks.SITE_CODE, "a site code such as DC-NORTH");
    }

    static String component(Context ctx) {
        return path(ctx, "componentCode", Checks.COMPONENT_CODE, "a component code such as PDS");
    }

    static String itemKey(Context ctx) {
        return path(ctx, "itemKey", Checks.ITEM_KEY, "a checklist item key such as traffic-drained");
    }

    static long stepId(Context ctx) {
        String text = ctx.pathParam("stepId");
        try {
            long id = Long.parseLong(text);
            if (id >= 1) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalidIdentifier("path.stepId", "'" + text + "' is not a runbook step id (a whole number from 1).");
    }

    static int wave(Context ctx) {
        String text = ctx.pathParam("waveNumber");
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= 999) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalidIdentifier("path.waveNumber", "'" + text + "' is not a wave number (1 to 999).");
    }

    /** The {@code site} query parameter, a site code when given. */
    static String siteQuery(QueryParams q) {
        String site = q.string("site").orElse(null);
        if (site != null && !Checks.SITE_CODE.matcher(site).matches()) {
            throw invalidIdentifier("query.site", "'" + site + "' is not a site code such as DC-NORTH.");
        }
        return site;
    }

    static String sort(QueryParams q, Set<String> sorts) {
        String sort = q.string("sort").orElse("code");
        if (!sorts.contains(sort)) {
            throw ProblemException.badParameter("query.sort", "INVALID_VALUE", "'" + sort + "' is not a sort order here. "
                    + "Use one of: " + String.join(", ", new TreeSet<>(sorts)) + ".");
        }
        return sort;
    }

    static String text(QueryParams q, String name, int max) {
        Optional<String> value = q.string(name);
        if (value.isPresent() && value.get().length() > max) {
            throw ProblemException.badParameter("query." + name, "TOO_LONG", "'" + name + "' must be at most " + max
                    + " characters.");
        }
        return value.orElse(null);
    }

    static LocalDate date(QueryParams q, String name) {
        return q.string(name).map(text -> {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw ProblemException.badParameter("query." + name, "INVALID_DATE",
                        "'" + name + "' must be a date such as 2026-11-25.");
            }
        }).orElse(null);
    }

    private static String path(Context ctx, String name, Pattern pattern, String example) {
        String value = ctx.pathParam(name);
        if (!pattern.matcher(value).matches()) {
            throw invalidIdentifier("path." + name, "'" + value + "' is not " + example + ".");
        }
        return value;
    }

    private static ProblemException invalidIdentifier(String field, String message) {
        return new ProblemException(400, "INVALID_IDENTIFIER_VALUE", "Invalid identifier", message,
                List.of(new ProblemException.FieldProblem(field, "PATTERN", message)), null);
    }
}
