package io.spineconsole.domain;

/** What a signed-in user may do. Enforced by the server; reflected (never decided) by the UI. */
public enum Role implements Coded {
    /** Reads everything, changes nothing. */
    VIEWER("viewer"),
    /** Support analyst: may also redeliver messages and run jobs, and edit migration runbooks. */
    OPERATOR("operator"),
    /** Registration admin: may also change registrations, lifecycles and tokens. */
    ADMIN("admin");

    private final String code;

    Role(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** True when this role includes everything {@code other} may do. */
    public boolean includes(Role other) {
        return ordinal() >= other.ordinal();
    }
}
