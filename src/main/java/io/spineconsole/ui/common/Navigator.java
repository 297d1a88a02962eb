package io.spineconsole.ui.common;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * Takes the user to a place in another (or the same) workspace: a check finding to its record, a
 * failing message to its sender's registration, a pasted link to what it names. The shell sets
 * where links go once the window exists; a link nobody can open is reported, never dropped silently.
 */
public final class Navigator {
    private Predicate<ConsoleLink> target = link -> false;

    /** Set once by the shell: answers whether the link was opened. */
    public void setTarget(Predicate<ConsoleLink> target) {
        this.target = Objects.requireNonNull(target);
    }

    /** Opens the link; false when no workspace knows it. Call on the UI thread. */
    public boolean open(ConsoleLink link) {
        return target.test(link);
    }
}
