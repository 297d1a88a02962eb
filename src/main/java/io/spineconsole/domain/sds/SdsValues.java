package io.spineconsole.domain.sds;

import io.spineconsole.domain.registrations.MhsActor;
import io.spineconsole.domain.registrations.ReliabilityFlag;
import io.spineconsole.domain.registrations.SyncReplyMode;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;

/**
 * How values SDS publishes are compared with ours: by what they mean, not by how they are spelt.
 * Host names ignore case and a trailing dot (RFC 4343; {@code host.} is {@code host}); a URL's
 * scheme and host ignore case and its default port may be left out; ISO-8601 durations compare by
 * length ({@code PT1M} is {@code PT60S}); codes ({@code always}, {@code MSHSignalsOnly}) ignore case.
 * Our enums are written the way SDS spells them.
 */
public final class SdsValues {
    private SdsValues() {
    }

    /** The host name in lower case without a trailing dot; null stays null. */
    public static String normaliseHost(String host) {
        if (host == null) {
            return null;
        }
        String h = host.trim().toLowerCase(Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    /**
     * A URL with its scheme and host normalised and a default port left out; the path and query are
     * kept as they are (they may be case-sensitive). Text that is not a URL is only trimmed.
     */
    public static String normaliseAddress(String url) {
        if (url == null) {
            return null;
        }
        String text = url.trim();
        try {
            URI u = new URI(text);
            if (u.getScheme() == null || u.getHost() == null) {
                return text;
            }
            String scheme = u.getScheme().toLowerCase(Locale.ROOT);
            int port = u.getPort();
            boolean defaultPort = port == 443 && scheme.equals("https") || port == 80 && scheme.equals("http");
            StringBuilder b = new StringBuilder(scheme).append("://").append(normaliseHost(u.getHost()));
            if (port >= 0 && !defaultPort) {
                b.append(':').append(port);
            }
            b.append(u.getRawPath() == null ? "" : u.getRawPath());
            if (u.getRawQuery() != null) {
                b.append('?').append(u.getRawQuery());
            }
            return b.toString();
        } catch (URISyntaxException notAUrl) {
            return text;
        }
    }

    public static boolean sameHost(String a, String b) {
        return Objects.equals(normaliseHost(a), normaliseHost(b));
    }

    public static boolean sameAddress(String a, String b) {
        return Objects.equals(normaliseAddress(a), normaliseAddress(b));
    }

    /** Codes and identifiers that ignore case (ODS codes, party keys, flags); blank is absent. */
    public static boolean sameCode(String a, String b) {
        String x = blankToNull(a);
        String y = blankToNull(b);
        return x == null ? y == null : x.equalsIgnoreCase(y);
    }

    /** ISO-8601 durations by length; text that is not a duration compares as a code. */
    public static boolean sameDuration(String a, String b) {
        Duration x = duration(a);
        Duration y = duration(b);
        return x != null && y != null ? x.equals(y) : sameCode(a, b);
    }

    /** Whole numbers by value; text that is not a number compares as a code. */
    public static boolean sameNumber(String a, String b) {
        try {
            return a != null && b != null ? Long.parseLong(a.trim()) == Long.parseLong(b.trim()) : sameCode(a, b);
        } catch (NumberFormatException notNumbers) {
            return sameCode(a, b);
        }
    }

    /** How SDS writes a sync reply mode ({@code None}, {@code MSHSignalsOnly}, {@code SignalsAndResponse}). */
    public static String spelling(SyncReplyMode mode) {
        if (mode == null) {
            return null;
        }
        return switch (mode) {
            case NONE -> "None";
            case MSH_SIGNALS_ONLY -> "MSHSignalsOnly";
            case SIGNALS_AND_RESPONSE -> "SignalsAndResponse";
        };
    }

    /** How SDS writes an ebXML actor (a URN). */
    public static String spelling(MhsActor actor) {
        if (actor == null) {
            return null;
        }
        return switch (actor) {
            case TO_PARTY_MSH -> "urn:oasis:names:tc:ebxml-msg:actor:toPartyMSH";
            case NEXT_MSH -> "urn:oasis:names:tc:ebxml-msg:actor:nextMSH";
        };
    }

    /** How SDS writes a reliability flag ({@code always}, {@code never}). */
    public static String spelling(ReliabilityFlag flag) {
        return flag == null ? null : flag.code();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Duration duration(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Duration.parse(text.trim());
        } catch (DateTimeParseException notADuration) {
            return null;
        }
    }
}
