package io.spineconsole.app;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

import java.util.regex.Pattern;

/**
 * The last line of defence for secrets in logs: the log layout masks anything shaped like a
 * credential before it is written, whoever logged it. The console itself never logs a token;
 * this covers libraries that do when turned up to DEBUG (Jetty's HTTP parser logs every request
 * header, {@code Authorization} included). Wired in {@link LogConfiguration} as the {@code %msg} and
 * {@code %ex} conversions.
 */
public final class LogRedaction {
    /**
     * {@code Authorization: Bearer x}, {@code Basic x}, admin API tokens ({@code spc_...}) and single sign-on
     * tokens (JWTs, {@code eyJ...}) anywhere.
     */
    private static final Pattern CREDENTIAL = Pattern.compile(
            "(?i)(\\b(?:Bearer|Basic)\\s+)[A-Za-z0-9._~+/=-]+|\\bspc_[A-Za-z0-9_-]{6,}"
                    + "|(?-i)\\beyJ[A-Za-z0-9_-]{6,}\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    private LogRedaction() {
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return CREDENTIAL.matcher(text).replaceAll(m -> m.group(1) != null ? m.group(1) + "***"
                : m.group().startsWith("eyJ") ? "eyJ***" : "spc_***");
    }

    /** {@code %msg} with credentials masked. */
    public static final class Message extends MessageConverter {
        @Override
        public String convert(ILoggingEvent event) {
            return redact(super.convert(event));
        }
    }

    /** {@code %ex} (stack traces, whose messages may quote a request) with credentials masked. */
    public static final class StackTrace extends ThrowableProxyConverter {
        @Override
        public String convert(ILoggingEvent event) {
            return redact(super.convert(event));
        }
    }
}
