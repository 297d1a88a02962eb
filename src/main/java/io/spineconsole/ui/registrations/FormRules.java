package io.spineconsole.ui.registrations;

import io.spineconsole.domain.Coded;
import io.spineconsole.domain.RuleIssue;
import io.spineconsole.ui.common.I18n;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

/** Small adapters from the domain's rules (an issue, worded by the console) to form field rules. */
final class FormRules {
    private FormRules() {
    }

    /** The domain rule on the trimmed value; a blank value is the rule's own "required" problem. */
    static String required(I18n i18n, Function<String, Optional<RuleIssue>> rule, String value) {
        String v = value == null ? "" : value.strip();
        return rule.apply(v.isEmpty() ? null : v).map(i18n::rule).orElse("");
    }

    /** Blank is fine; anything else must pass the rule. */
    static String optional(I18n i18n, Function<String, Optional<RuleIssue>> rule, String value) {
        String v = value == null ? "" : value.strip();
        return v.isEmpty() ? "" : rule.apply(v).map(i18n::rule).orElse("");
    }

    static String code(Coded c) {
        return c == null ? "" : c.code();
    }

    /** A date ({@code 2027-03-31}, midnight UTC) or an instant ({@code 2027-03-31T12:00:00Z}); null when neither. */
    static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException notInstant) {
            try {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    /** An instant as a form shows it: the date alone when it is midnight UTC. */
    static String text(Instant instant) {
        if (instant == null) {
            return "";
        }
        LocalDate date = instant.atOffset(ZoneOffset.UTC).toLocalDate();
        return date.atStartOfDay(ZoneOffset.UTC).toInstant().equals(instant) ? date.toString() : instant.toString();
    }

    /** A whole number from {@code min} to {@code max}, or null when blank or not one. */
    static Integer integer(String text, int min, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            int v = Integer.parseInt(text.strip());
            return v < min || v > max ? null : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
