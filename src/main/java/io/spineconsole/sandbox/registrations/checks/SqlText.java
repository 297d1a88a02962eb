package io.spineconsole.sandbox.registrations.checks;

/**
 * SQL's text semantics in Java, so that the rules, evaluated in memory, mean exactly what they meant
 * as SQL statements: {@code LIKE}, {@code TRIM}, and how a CHAR column compares.
 */
final class SqlText {
    private SqlText() {
    }

    /**
     * SQL's {@code value LIKE pattern} as H2 and PostgreSQL read it: {@code %} any run of characters, {@code _} any
     * one character, a backslash makes the next character literal.
     */
    static boolean like(String value, String pattern) {
        return like(value, 0, pattern, 0);
    }

    private static boolean like(String v, int vi, String p, int pi) {
        while (pi < p.length()) {
            char ch = p.charAt(pi);
            if (ch == '%') {
                while (pi < p.length() && p.charAt(pi) == '%') {
                    pi++;
                }
                if (pi == p.length()) {
                    return true;
                }
                for (int k = vi; k <= v.length(); k++) {
                    if (like(v, k, p, pi)) {
                        return true;
                    }
                }
                return false;
            }
            if (vi >= v.length()) {
                return false;
            }
            if (ch == '_') {
                vi++;
                pi++;
                continue;
            }
            if (ch == '\\' && pi + 1 < p.length()) {
                pi++;
                ch = p.charAt(pi);
            }
            if (v.charAt(vi) != ch) {
                return false;
            }
            vi++;
            pi++;
        }
        return vi == v.length();
    }

    /** SQL's TRIM: spaces off both ends (and nothing else). */
    static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == ' ') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(start, end);
    }

    /** A CHAR column's value as the database compares it: trailing spaces do not count. */
    static String charKey(String value) {
        int end = value.length();
        while (end > 0 && value.charAt(end - 1) == ' ') {
            end--;
        }
        return value.substring(0, end);
    }
}
