package io.spineconsole.ui.common;

import java.util.function.BooleanSupplier;

/**
 * A state of a workspace worth a screenshot (a detail pane, a form, a chart), for
 * {@code --screenshot}: the run calls {@code show} on the UI thread, waits until {@code ready},
 * writes {@code <workspace>-<name>-<theme>.png} (and any dialog it opened as
 * {@code <workspace>-<name>-dialog-<theme>.png}, which it then closes), and finally calls {@code reset}.
 */
public record Showcase(String name, Runnable show, BooleanSupplier ready, Runnable reset) {
    public Showcase(String name, Runnable show, BooleanSupplier ready) {
        this(name, show, ready, () -> { });
    }
}
