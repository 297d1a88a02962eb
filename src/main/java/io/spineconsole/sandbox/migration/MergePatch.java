package io.spineconsole.sandbox.migration;

import io.spineconsole.domain.Coded;
import io.spineconsole.sandbox.outcome.Issues;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON merge patch as the stores take it: for each member the request sent, its value (a string, a
 * boolean, a whole number, or null to clear it); a member that is absent is left unchanged. The
 * request's form (an object, only known members, each of the right JSON type) was checked when it
 * was read. The value rules (lengths, ranges, enums, what may not be cleared) are checked here, as
 * the store reads each member, and collected as {@link #issues()}.
 */
public final class MergePatch {
    /** One member: whether it was sent, and its value (null when sent as null). */
    public record Member<T>(boolean present, T value) {
        static <T> Member<T> absent() {
            return new Member<>(false, null);
        }

        T or(T current) {
            return present ? value : current;
        }
    }

    private final Map<String, Object> sent;
    private final Issues issues = new Issues();

    /** @param sent each member sent, by name, in the order sent; a null value clears the member */
    public MergePatch(Map<String, ?> sent) {
        this.sent = Collections.unmodifiableMap(new LinkedHashMap<>(sent));
    }

    Issues issues() {
        return issues;
    }

    Member<String> text(String name, int max, boolean nullable) {
        if (!sent.containsKey(name)) {
            return Member.absent();
        }
        String value = (String) sent.get(name);
        if (value == null) {
            if (!nullable) {
                issues.add("/" + name, "REQUIRED", name + " cannot be cleared.");
            }
        } else if (value.isBlank()) {
            issues.add("/" + name, "TOO_SHORT", name + " may not be blank" + (nullable ? "; send null to clear it." : "."));
        } else if (value.length() > max) {
            issues.add("/" + name, "TOO_LONG", name + " must be at most " + max + " characters.");
        }
        return new Member<>(true, value);
    }

    Member<Boolean> bool(String name) {
        return sent.containsKey(name) ? new Member<>(true, (Boolean) sent.get(name)) : Member.absent();
    }

    Member<Integer> integer(String name, int min, int max) {
        if (!sent.containsKey(name)) {
            return Member.absent();
        }
        Integer value = (Integer) sent.get(name);
        if (value != null && (value < min || value > max)) {
            issues.add("/" + name, "OUT_OF_RANGE", name + " must be from " + min + " to " + max + ".");
        }
        return new Member<>(true, value);
    }

    /** A coded enum sent as its code; an unknown code is an issue, and the member is treated as absent. */
    <E extends Enum<E> & Coded> Member<E> coded(String name, Class<E> type) {
        if (!sent.containsKey(name)) {
            return Member.absent();
        }
        String code = (String) sent.get(name);
        if (code == null) {
            return new Member<>(true, null);
        }
        for (E value : type.getEnumConstants()) {
            if (value.code().equals(code)) {
                return new Member<>(true, value);
            }
        }
        List<String> allowed = Arrays.stream(type.getEnumConstants()).map(Coded::code).toList();
        issues.add("/" + name, "ENUM", "'" + code + "' is not allowed; use one of " + String.join(", ", allowed) + ".");
        return Member.absent();
    }
}
