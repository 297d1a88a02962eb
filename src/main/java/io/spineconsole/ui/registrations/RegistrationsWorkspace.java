package io.spineconsole.ui.registrations;

import io.spineconsole.ui.common.FxDebouncer;
import io.spineconsole.ui.common.WorkspaceServices;
import io.spineconsole.ui.common.WorkspaceView;
import javafx.util.Duration;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The registration admin's workspace: organisations, accredited systems and endpoints. */
public final class RegistrationsWorkspace {
    /** How long the user may pause typing before a search is sent (BENCHMARKS measured the lists with it). */
    static final Duration TYPE_AHEAD_QUIET = Duration.millis(250);

    private RegistrationsWorkspace() {
    }

    public static WorkspaceView create(WorkspaceServices services) {
        RegistrationsViewModel model = new RegistrationsViewModel(services.ui(), services.i18n(), services.memory(),
                services.time(), FxDebouncer.factory(TYPE_AHEAD_QUIET));
        return new RegistrationsView(model, services, files());
    }

    /** Reads import files and writes exports, off the UI thread: one named daemon thread. */
    private static ExecutorService files() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "registrations-files");
            t.setDaemon(true);
            return t;
        });
    }
}
