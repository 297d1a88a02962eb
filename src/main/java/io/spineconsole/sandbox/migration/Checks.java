package io.spineconsole.sandbox.migration;

import io.javalin.http.Context;
import io.spineconsole.sandbox.http.FieldErrors;
import io.spineconsole.sandbox.http.ProblemException;

import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/** The migration area's value rules (patterns and lengths from openapi.yaml), reported as field errors. */
final class Checks {
    static final Pattern SITE_CODE = Pattern.compile("^[A-Z0-9][A-Z0-9-]{1,19}$");
    static final Pattern COMPONENT_CODE = Pattern.compile("^[A-Z][A-Z0-9-]{1,19}$");
    static final Pattern ITEM_KEY = Pattern.compile("^[a-z0-9][a-z0-9-]{1,63}$");

    private Checks() {
    }

    /** A required text member: present, not blank, within {@code max} characters. */
    static void required(FieldErrors errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(field, "REQUIRED", "Enter " + field.substring(1) + ".");
        } else {
            length(errors, field, value, max);
        }
    }

    /** An optional text member: when present, not blank and within {@code max} characters. */
    static void optional(FieldErrors errors, String field, String value, int max) {
        if (value != null) {
            if (value.isBlank()) {
                errors.add(field, "TOO_SHORT", field.substring(1) + " may not be blank; leave it out instead.");
            } else {
                length(errors, field, value, max);
            }
        }
    }

    static void length(FieldErrors errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(field, "TOO_LONG", field.substring(1) + " must be at most " + max + " characters.");
        }
    }

    static void reason(FieldErrors errors, String field, String value) {
        if (value == null || value.trim().length() < 3) {
            errors.add(field, value == null ? "REQUIRED" : "TOO_SHORT", "Say why, in at least 3 characters.");
        } else {
            length(errors, field, value, 500);
        }
    }

    static void siteCode(FieldErrors errors, String field, String value) {
        if (value == null) {
            errors.add(field, "REQUIRED", "Enter a site code.");
        } else if (!SITE_CODE.matcher(value).matches()) {
            errors.add(field, "PATTERN", "'" + value + "' is not a site code: 2-20 upper-case letters, digits and "
                    + "hyphens, for example DC-NORTH.");
        }
    }

    static void componentCode(FieldErrors errors, String field, String value) {
        if (value == null) {
            errors.add(field, "REQUIRED", "Enter a component code.");
        } else if (!COMPONENT_CODE.matcher(value).matches()) {
            errors.add(field, "PATTERN", "'" + value + "' is not a component code: a letter, then 1-19 upper-case "
                    + "letters, digits and hyphens, for example PDS.");
        }
    }

    static void wave(FieldErrors errors, String field, Integer wave) {
        if (wave != null && (wave < 1 || wave > 999)) {
            errors.add(field, "OUT_OF_RANGE", "A wave number is from 1 to 999.");
        }
    }

    /** A list of codes: at most {@code max}, each well-formed, no repeats. */
    static void codes(FieldErrors errors, String field, List<String> codes, int max, boolean sites) {
        if (codes == null) {
            return;
        }
        if (codes.size() > max) {
            errors.add(field, "TOO_LONG", "At most " + max + " entries.");
        }
        var seen = new HashSet<String>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (sites) {
                siteCode(errors, field + "/" + i, code);
            } else {
                componentCode(errors, field + "/" + i, code);
            }
            if (code != null && !seen.add(code)) {
                errors.add(field + "/" + i, "DUPLICATE", code + " is listed twice.");
            }
        }
    }

    /** The path's site code, or 400 INVALID_IDENTIFIER_VALUE. */
    static String sitePath(Context ctx) {
        return path(ctx, "siteCode", SITE_CODE, "a site code such as DC-NORTH");
    }

    static String componentPath(Context ctx) {
        return path(ctx, "componentCode", COMPONENT_CODE, "a component code such as PDS");
    }

    static String itemKeyPath(Context ctx) {
        return path(ctx, "itemKey", ITEM_KEY, "a checklist item key such as traffic-drained");
    }

    static long stepIdPath(Context ctx) {
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

    static int wavePath(Context ctx) {
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

    private static String path(Context ctx, String name, Pattern pattern, String example) {
        String value = ctx.pathParam(name);
        if (!pattern.matcher(value).matches()) {
            throw invalidIdentifier("path." + name, "'" + value + "' is not " + example + ".");
        }
        return value;
    }

    static ProblemException invalidIdentifier(String field, String message) {
        return new ProblemException(400, "INVALID_IDENTIFIER_VALUE", "Invalid identifier", message,
                List.of(new ProblemException.FieldProblem(field, "PATTERN", message)), null);
    }

    static ProblemException duplicate(String field, String detail, String type, String id) {
        ProblemException e = new ProblemException(409, "DUPLICATE_REJECTED", "Duplicate rejected", detail,
                List.of(new ProblemException.FieldProblem(field, "ALREADY_EXISTS", detail)), null);
        return type == null ? e : e.withMember("related", List.of(java.util.Map.of("type", type, "id", id)));
    }
}
