package io.spineconsole.app;

import io.spineconsole.platform.AppDirectories;
import io.spineconsole.platform.BuildInfo;
import io.spineconsole.platform.HeapTrim;
import io.spineconsole.platform.StartupTimeline;
import io.spineconsole.settings.ConnectionProfile;
import io.spineconsole.settings.SecretStores;
import io.spineconsole.settings.Settings;
import io.spineconsole.settings.SettingsStore;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Navigator;
import io.spineconsole.ui.common.TimeText;
import io.spineconsole.ui.common.UiExecutor;
import io.spineconsole.ui.admin.AdminWorkspace;
import io.spineconsole.ui.common.EnvironmentAccess;
import io.spineconsole.ui.common.SdsAccess;
import io.spineconsole.ui.common.WorkspaceServices;
import io.spineconsole.ui.common.WorkspaceView;
import io.spineconsole.ui.messages.MessageFlowWorkspace;
import io.spineconsole.ui.migration.MigrationWorkspace;
import io.spineconsole.ui.registrations.RegistrationsWorkspace;
import io.spineconsole.ui.shell.AboutInfo;
import io.spineconsole.ui.shell.LazyWorkspaceView;
import io.spineconsole.ui.shell.MainWindow;
import io.spineconsole.ui.shell.SdsConnectionsDialog;
import io.spineconsole.ui.shell.SdsConnectionsViewModel;
import io.spineconsole.ui.shell.Session;
import io.spineconsole.ui.shell.ShellViewModel;
import io.spineconsole.ui.shell.Workspace;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** The one place the console is wired together, by constructor injection. */
final class CompositionRoot implements AutoCloseable {
    /** The profile id used for {@code --server}: it lives for this run and is never saved. */
    static final String COMMAND_LINE_PROFILE = "command-line";

    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "settings-io");
        t.setDaemon(true);
        return t;
    });
    private final ConsoleConnector connector;
    private final ShellViewModel shell;
    private final MainWindow window;
    private final Settings settings;
    private final SdsConnections sds;

    /**
     * @param saved          the settings as read from the settings file
     * @param uiThread       runs work on the UI thread ({@code Platform::runLater})
     * @param openFolder     opens a folder in the OS file manager
     * @param timeline       this run's start-up timeline (the sandbox's start and sign-in are phases of it)
     */
    CompositionRoot(ConsoleOptions options, AppDirectories dirs, Settings saved, Executor uiThread,
                    Consumer<java.nio.file.Path> openFolder, StartupTimeline timeline) {
        I18n i18n = new I18n(Locale.getDefault());
        UiExecutor ui = new UiExecutor(uiThread);
        SettingsStore store = new SettingsStore(dirs.config());
        Settings loaded = saved;
        io.spineconsole.settings.SecretStore secrets = SecretStores.chooseInBackground(dirs.config());
        connector = new ConsoleConnector(dirs.sandboxDatabase(), secrets, timeline);
        if (options.serverUrl() != null) {
            ConnectionProfile cli = new ConnectionProfile(COMMAND_LINE_PROFILE, options.serverUrl(),
                    options.environment(), options.serverUrl());
            if (options.token() != null) {
                connector.useTransientToken(COMMAND_LINE_PROFILE, options.token());
            }
            loaded = loaded.withProfile(cli).withPreferences(loaded.preferences().withActiveProfileId(COMMAND_LINE_PROFILE));
        }
        settings = loaded;
        // A command-line profile must never be written to the settings file.
        SettingsStore saving = options.serverUrl() == null ? store : store.withTransientProfile(COMMAND_LINE_PROFILE);
        shell = new ShellViewModel(connector, saving, settings, ui, io, i18n);

        Navigator navigator = new Navigator();
        Map<Workspace, WorkspaceView> workspaces = new EnumMap<>(Workspace.class);
        java.time.Clock clock = java.time.Clock.systemDefaultZone();
        TimeText time = new TimeText(clock, i18n, settings.preferences().timeZone().zone());
        SdsAccess sdsAccess = SdsAccess.none();
        sds = new SdsConnections(secrets, sdsAccess, io, ui, SdsConnections::open);
        sds.use(settings);
        // Environment diff: any admin connection profile, opened with its stored token (the caller closes it).
        EnvironmentAccess environments = EnvironmentAccess.of(
                () -> shell.settingsProperty().get().profiles().stream()
                        .map(p -> new EnvironmentAccess.Environment(p.id(), p.name())).toList(),
                id -> shell.settingsProperty().get().profile(id)
                        .map(p -> connector.connect(p, step -> { }).thenApply(Session::api))
                        .orElseGet(() -> java.util.concurrent.CompletableFuture.failedFuture(
                                new IllegalArgumentException("No connection profile " + id))));
        WorkspaceServices services = new WorkspaceServices(ui, i18n, navigator, shell, clock, time, sdsAccess, environments);
        // Each workspace is built when first shown: start-up builds (and loads) only the one on screen.
        workspaces.put(Workspace.REGISTRATIONS, LazyWorkspaceView.of(() -> RegistrationsWorkspace.create(services)));
        workspaces.put(Workspace.MESSAGES, LazyWorkspaceView.of(() -> MessageFlowWorkspace.create(services)));
        workspaces.put(Workspace.MIGRATION, LazyWorkspaceView.of(() -> MigrationWorkspace.create(services)));
        workspaces.put(Workspace.ADMIN, LazyWorkspaceView.of(() -> AdminWorkspace.create(services)));
        AboutInfo about = new AboutInfo(BuildInfo.version(),
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                JavaFxVersion.get(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                store.file(), dirs.logs());
        window = new MainWindow(shell, workspaces, i18n, about, () -> openFolder.accept(dirs.logs()), navigator);
        // "Add an SDS connection…", wherever SDS is needed and none is set up: the SDS connections of the settings.
        SdsConnectionsViewModel sdsSettings = new SdsConnectionsViewModel(shell, secrets, SdsConnections::open, io, ui,
                i18n, () -> sds.use(shell.settingsProperty().get()));
        sdsAccess.setOnAddConnection(() -> new SdsConnectionsDialog(window.root().getScene().getWindow(), sdsSettings, i18n)
                .show());
        // Once start-up is over, the other workspaces are built one at a time, so a first visit is instant.
        timeline.onFinish(() -> uiThread.execute(() -> window.buildOtherWorkspaces(uiThread::execute)));
        timeline.onFinish(HeapTrim::start);
    }

    ShellViewModel shell() {
        return shell;
    }

    /** Opens sessions (tests: to send single sign-on pages to a browser of their own). */
    ConsoleConnector connector() {
        return connector;
    }

    MainWindow window() {
        return window;
    }

    Settings initialSettings() {
        return settings;
    }

    @Override
    public void close() {
        shell.shutdown();
        sds.close();
        io.shutdown();
        connector.close();
    }
}
