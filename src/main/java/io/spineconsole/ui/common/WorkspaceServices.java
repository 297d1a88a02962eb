package io.spineconsole.ui.common;

import java.time.Clock;
import java.util.Objects;

/**
 * What every workspace is built with: the way back to the UI thread, the strings, the way to other
 * workspaces, what it remembers between runs, the clock ("expires in 3 h", "last 30 days") and the
 * one way times are written ({@link TimeText}: UK time or UTC, as the user chose; views redraw when it
 * switches), the SDS connection in use ({@link SdsAccess}, possibly none), and the other connection profiles to
 * compare environments with ({@link EnvironmentAccess}). Tests pass a direct executor, an in-memory memory and a fixed clock.
 */
public record WorkspaceServices(UiExecutor ui, I18n i18n, Navigator navigator, ViewMemory memory, Clock clock,
                                TimeText time, SdsAccess sds, EnvironmentAccess environments) {
    public WorkspaceServices {
        Objects.requireNonNull(ui, "ui");
        Objects.requireNonNull(i18n, "i18n");
        Objects.requireNonNull(navigator, "navigator");
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(sds, "sds");
        Objects.requireNonNull(environments, "environments");
    }

    /** Services with no other environments to compare. */
    public WorkspaceServices(UiExecutor ui, I18n i18n, Navigator navigator, ViewMemory memory, Clock clock, TimeText time,
                             SdsAccess sds) {
        this(ui, i18n, navigator, memory, clock, time, sds, EnvironmentAccess.none());
    }

    /** Services without an SDS connection. */
    public WorkspaceServices(UiExecutor ui, I18n i18n, Navigator navigator, ViewMemory memory, Clock clock, TimeText time) {
        this(ui, i18n, navigator, memory, clock, time, SdsAccess.none());
    }

    /** Services whose times are in UK time on {@code clock}. */
    public WorkspaceServices(UiExecutor ui, I18n i18n, Navigator navigator, ViewMemory memory, Clock clock) {
        this(ui, i18n, navigator, memory, clock, new TimeText(clock, i18n, TimeText.UK));
    }
}
