package io.spineconsole.domain.migration;

import java.time.LocalDate;

/** The editable members of a wave. */
public record WaveUpdate(String name, LocalDate plannedStart, LocalDate plannedEnd, String notes) {
}
