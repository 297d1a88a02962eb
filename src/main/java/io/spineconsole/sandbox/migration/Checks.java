package io.spineconsole.sandbox.migration;

import io.spineconsole.sandbox.outcome.Issue;
import io.spineconsole.sandbox.outcome.Issues;
import io.spineconsole.sandbox.outcome.Refused;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The migration area's value rules (patterns and lengths from openapi.yaml), reported as field issues. */
public final class Checks {
    /** A site code, such as DC-NORTH. */
    public static final Pattern SITE_CODE = Pattern.compile("^[A-Z0-9][A-Z0-9-]{1,19}$");
    /** A component code, such as PDS. */
    public static final Pattern COMPONENT_CODE = Pattern.compile("^[A-Z][A-Z0-9-]{1,19}$");
    /** A checklist item's key, such as traffic-drained. */
    public static final Pattern ITEM_KEY = Pattern.compile("^[a-z0-9][a-z0-9-]{1,63}$");

    private Checks() {
    }

    /** A required text member: present, not blank, within {@code max} characters. */
    static void required(Issues errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(field, "REQUIRED", "Enter " + field.substring(1) + ".");
        } else {
            length(errors, field, value, max);
        }
    }

    /** An optional text member: when present, not blank and within {@code max} characters. */
    static void optional(Issues errors, String field, String value, int max) {
        if (value != null) {
            if (value.isBlank()) {
                errors.add(field, "TOO_SHORT", field.substring(1) + " may not be blank; leave it out instead.");
            } else {
                length(errors, field, value, max);
            }
        }
    }

    static void length(Issues errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(field, "TOO_LONG", field.substring(1) + " must be at most " + max + " characters.");
        }
    }

    static void reason(Issues errors, String field, String value) {
        if (value == null || value.trim().length() < 3) {
            errors.add(field, value == null ? "REQUIRED" : "TOO_SHORT", "Say why, in at least 3 characters.");
        } else {
            length(errors, field, value, 500);
        }
    }

    static void siteCode(Issues errors, String field, String value) {
        if (value == null) {
            errors.add(field, "REQUIRED", "Enter a site code.");
        } else if (!SITE_CODE.matcher(value).matches()) {
            errors.add(field, "PATTERN", "'" + value + "' is not a site code: 2-20 upper-case letters, digits and "
                    + "hyphens, for example DC-NORTH.");
        }
    }

    static void componentCode(Issues errors, String field, String value) {
        if (value == null) {
            errors.add(field, "REQUIRED", "Enter a component code.");
        } else if (!COMPONENT_CODE.matcher(value).matches()) {
            errors.add(field, "PATTERN", "'" + value + "' is not a component code: a letter, then 1-19 upper-case "
                    + "letters, digits and hyphens, for example PDS.");
        }
    }

    static void wave(Issues errors, String field, Integer wave) {
        if (wave != null && (wave < 1 || wave > 999)) {
            errors.add(field, "OUT_OF_RANGE", "A wave number is from 1 to 999.");
        }
    }

    /** A list of codes: at most {@code max}, each well-formed, no repeats. */
    static void codes(Issues errors, String field, List<String> codes, int max, boolean sites) {
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

    /** The record would duplicate one that exists: refused, naming the existing one when it has a type. */
    static Refused duplicate(String field, String detail, String type, String id) {
        Refused refused = new Refused(Refused.Kind.DUPLICATE, detail, List.of(new Issue(field, "ALREADY_EXISTS", detail)),
                null);
        return type == null ? refused : refused.withRelated(List.of(Map.of("type", type, "id", id)));
    }
}
