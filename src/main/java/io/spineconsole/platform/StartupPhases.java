package io.spineconsole.platform;

/**
 * Where a part of the app that starts in steps says how long each step took, for the start-up
 * timeline ({@link StartupTimeline}). The embedded sandbox takes one to time its own steps
 * ({@code sandbox.h2}, {@code sandbox.flyway}, {@code sandbox.http}, ...); anything started without
 * a timeline gets {@link #NONE}.
 *
 * <pre>
 * try (StartupPhases.Phase p = phases.begin("sandbox.flyway")) {
 *     flyway.migrate();
 * }
 * </pre>
 */
@FunctionalInterface
public interface StartupPhases {
    /** Times nothing. */
    StartupPhases NONE = phase -> () -> { };

    /** Starts timing the step {@code phase}; closing the result ends it. */
    Phase begin(String phase);

    /** A step under way: {@link #close()} ends it (a second close does nothing). */
    interface Phase extends AutoCloseable {
        @Override
        void close();
    }
}
