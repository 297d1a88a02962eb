package io.spineconsole.ui.registrations;

import io.spineconsole.domain.audit.AuditEntry;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.TimeText;

import java.time.Instant;
import java.time.format.DateTimeParseException;import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What an audit entry changed, in lines a person reads: {@code name: Leeds PAS → Leeds PAS 2},
 * {@code status: active → suspended}. Bookkeeping members (version, timestamps, who) are left out:
 * the entry itself says who and when.
 */
public final class AuditChanges {
    private static final Set<String> BOOKKEEPING = Set.of("version", "createdAt", "createdBy", "updatedAt", "updatedBy",
            "lastTransition", "daysToExpiry", "state");

    private AuditChanges() {
    }

    public static List<String> describe(I18n i18n, TimeText time, AuditEntry entry) {
        List<String> out = new ArrayList<>();
        if (entry.before() == null && entry.after() != null) {
            out.add(i18n.get("registrations.history.created"));
            return out;
        }
        if (entry.after() == null && entry.before() != null) {
            out.add(i18n.get("registrations.history.deleted"));
            return out;
        }
        if (entry.before() == null) {
            return out;
        }
        diff("", entry.before(), entry.after(), out, i18n, time);
        if (out.isEmpty()) {
            out.add(i18n.get("registrations.history.noChange"));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void diff(String prefix, Map<String, Object> before, Map<String, Object> after, List<String> out,
                             I18n i18n, TimeText time) {
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            if (BOOKKEEPING.contains(key)) {
                continue;
            }
            Object a = before.get(key);
            Object b = after.get(key);
            if (Objects.equals(a, b)) {
                continue;
            }
            if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
                diff(prefix + key + ".", (Map<String, Object>) ma, (Map<String, Object>) mb, out, i18n, time);
            } else {
                out.add(i18n.get("registrations.history.change", prefix + key, text(i18n, time, a), text(i18n, time, b)));
            }
        }
    }

    private static String text(I18n i18n, TimeText time, Object value) {
        if (value == null) {
            return i18n.get("registrations.history.empty");
        }
        if (value instanceof Collection<?> c) {
            return c.isEmpty() ? i18n.get("registrations.history.empty") : String.join(", ", c.stream().map(String::valueOf).toList());
        }
        if (value instanceof Map<?, ?> m) {
            return String.join(", ", m.entrySet().stream().filter(e -> !BOOKKEEPING.contains(String.valueOf(e.getKey())))
                    .map(e -> e.getKey() + "=" + e.getValue()).toList());
        }
        if (value instanceof String t && t.length() >= 20 && t.charAt(10) == 'T') {
            // A time as the wire writes it (a certificate's validity): worded like every other time on screen.
            try {
                return time.dateTime(Instant.parse(t));
            } catch (DateTimeParseException notATime) {
                return t;
            }
        }
        return String.valueOf(value);
    }
}
