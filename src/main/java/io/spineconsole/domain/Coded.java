package io.spineconsole.domain;

/**
 * A value with a stable external code, as the NHS writes it (for example {@code async-reliable}).
 * The wire format and the database store the code, never the Java constant name, so a constant
 * can be renamed without breaking clients or data.
 */
public interface Coded {
    String code();

    static <E extends Enum<E> & Coded> E fromCode(Class<E> type, String code) {
        for (E value : type.getEnumConstants()) {
            if (value.code().equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("Unknown " + type.getSimpleName() + " code: " + code);
    }
}
