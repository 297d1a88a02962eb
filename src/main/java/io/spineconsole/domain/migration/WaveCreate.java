package io.spineconsole.domain.migration;

import java.time.LocalDate;

/** A new wave. */
public record WaveCreate(Integer number, String name, LocalDate plannedStart, LocalDate plannedEnd, String notes) {
}
