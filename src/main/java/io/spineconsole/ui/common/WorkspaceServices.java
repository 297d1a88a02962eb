package io.spineconsole.ui.common;

import java.time.Clock;
import java.util.Objects;

/**
 * What every workspace is built with: the way back to the UI thread, the strings, the way to other
 * workspaces, what it remembers between runs, and the clock ("expires in 3 h", "last 30 days").
 * Tests pass a direct executor, an in-memory memory and a fixed clock.
 */
public record WorkspaceServices(UiExecutor ui, I18n i18n, Navigator navigator, ViewMemory memory, Clock clock) {
    public WorkspaceServices {
        Objects.requireNonNull(ui, "ui");
        Objects.requireNonNull(i18n, "i18n");
        Objects.requireNonNull(navigator, "navigator");
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(clock, "clock");
    }
}
