package io.spineconsole.domain.migration;

import java.time.LocalDate;
import java.util.List;

/** What is left on premises over time, from the transition history, with the plan line from the waves. */
public record Burndown(BurndownInterval interval, List<Point> points) {

    /** Counts at the end of {@code date}. */
    public record Point(LocalDate date, int total, int onPremises, int cutOver, int decommissioned,
                        int plannedOnPremises) {
    }
}
