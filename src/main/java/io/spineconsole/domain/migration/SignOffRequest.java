package io.spineconsole.domain.migration;

/** Sign off a data centre; {@code days} is the traffic-free window (default 30). */
public record SignOffRequest(String statement, Integer days) {
}
