package io.spineconsole.domain.sandbox;

/** A new traffic rate, in messages a second; 0 turns live traffic off. */
public record TrafficChange(Integer ratePerSecond) {
}
