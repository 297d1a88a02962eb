package io.spineconsole.domain.messages;

import io.spineconsole.domain.Coded;

import java.time.Duration;

/** Bucket sizes for message statistics, as ISO-8601 durations. */
public enum StatsBucket implements Coded {
    MINUTE("PT1M", Duration.ofMinutes(1)),
    FIVE_MINUTES("PT5M", Duration.ofMinutes(5)),
    QUARTER_HOUR("PT15M", Duration.ofMinutes(15)),
    HOUR("PT1H", Duration.ofHours(1)),
    DAY("P1D", Duration.ofDays(1));

    private final String code;
    private final Duration length;

    StatsBucket(String code, Duration length) {
        this.code = code;
        this.length = length;
    }

    @Override
    public String code() {
        return code;
    }

    public Duration length() {
        return length;
    }
}
