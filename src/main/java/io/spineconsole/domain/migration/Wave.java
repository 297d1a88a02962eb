package io.spineconsole.domain.migration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A migration wave and the components in it. */
public record Wave(int number, String name, LocalDate plannedStart, LocalDate plannedEnd, String notes,
                   List<String> components, int remainingOnPremises,
                   long version, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
}
