package io.spineconsole.ui.shell;

import io.spineconsole.api.ConnectionState;
import io.spineconsole.domain.Role;
import io.spineconsole.settings.ConnectionProfile;
import io.spineconsole.settings.Preferences;
import io.spineconsole.settings.SecretStore.Secret;
import io.spineconsole.settings.Preferences.Theme;
import io.spineconsole.settings.Settings;
import io.spineconsole.settings.SettingsStore;
import io.spineconsole.ui.common.ErrorText;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.LatestLoad;
import io.spineconsole.ui.common.LoadState;
import io.spineconsole.ui.common.LoadStatus;
import io.spineconsole.ui.common.UiExecutor;
import io.spineconsole.ui.common.ViewMemory;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The main window's state: which profile and session are live, the connection state and role the
 * status bar shows, the current workspace and theme, and the settings they are remembered in.
 */
public final class ShellViewModel implements ViewMemory {
    private static final Logger LOG = LoggerFactory.getLogger(ShellViewModel.class);

    /** Where the shell is in opening a session (what its {@link #openingStatus()} says, in the shell's words). */
    public enum Phase { CONNECTING, READY, NEEDS_TOKEN, FAILED }

    /** A token typed at start-up that could not be stored. */
    private static final class TokenNotSaved extends RuntimeException {
        TokenNotSaved(Throwable cause) {
            super(cause);
        }
    }

    private final BackboneConnector connector;
    private final SettingsStore settingsStore;
    private final UiExecutor ui;
    private final Executor io;
    private final I18n i18n;

    private final ObjectProperty<Settings> settings = new SimpleObjectProperty<>();
    private final ObjectProperty<ConnectionProfile> profile = new SimpleObjectProperty<>();
    private final ObjectProperty<Session> session = new SimpleObjectProperty<>();
    /**
     * Opening a session is the shell's one load: LOADING while it connects, LOADED when ready, EMPTY when
     * a remote profile needs a token first, FAILED with the reason (Retry connects again).
     */
    private final LatestLoad opening;
    private final StringProperty step = new SimpleStringProperty("");
    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.CONNECTING);
    private final StringProperty phaseMessage = new SimpleStringProperty("");
    private final StringProperty needsToken = new SimpleStringProperty("");
    private final ObjectProperty<ConnectionState> connectionState = new SimpleObjectProperty<>(ConnectionState.CONNECTING);
    private final ObjectProperty<Role> role = new SimpleObjectProperty<>();
    /** The person signed in through single sign-on; null with a token. */
    private final StringProperty person = new SimpleStringProperty();
    private final ObjectProperty<Workspace> workspace = new SimpleObjectProperty<>(Workspace.REGISTRATIONS);
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final IntegerProperty recoveries = new SimpleIntegerProperty();
    private final Consumer<ConnectionState> connectionListener;

    public ShellViewModel(BackboneConnector connector, SettingsStore settingsStore, Settings initial,
                          UiExecutor ui, Executor io, I18n i18n) {
        this.connector = connector;
        this.settingsStore = settingsStore;
        this.ui = ui;
        this.io = io;
        this.i18n = i18n;
        this.connectionListener = state -> ui.execute(() -> showConnectionState(state));
        opening = new LatestLoad(ui, i18n, () -> false);
        opening.onRetry(this::retry);
        opening.explainFailures(this::failureSentence, ShellViewModel::failureDetail);
        phase.bind(Bindings.createObjectBinding(() -> switch (opening.status().state()) {
            case IDLE, LOADING -> Phase.CONNECTING;
            case LOADED -> Phase.READY;
            case EMPTY -> Phase.NEEDS_TOKEN;
            case FAILED -> Phase.FAILED;
        }, opening.stateProperty()));
        phaseMessage.bind(Bindings.createStringBinding(() -> switch (phase.get()) {
            case CONNECTING -> step.get();
            case READY -> "";
            case NEEDS_TOKEN -> needsToken.get();
            case FAILED -> opening.errorProperty().get();
        }, phase, step, needsToken, opening.errorProperty()));
        opening.stateProperty().addListener((o, a, state) -> {
            if (state == LoadState.FAILED) {
                connectionState.set(ConnectionState.OFFLINE);
            }
        });
        settings.set(initial);
        theme.set(initial.preferences().theme());
        Workspace.fromCode(initial.preferences().lastWorkspace()).ifPresent(workspace::set);
    }

    /**
     * Shows the session's connection state. Coming back from OFFLINE (to ONLINE, or DEGRADED: the
     * server answers again) counts a recovery, on which the window reloads the current workspace.
     */
    private void showConnectionState(ConnectionState state) {
        ConnectionState before = connectionState.get();
        connectionState.set(state);
        if (before == ConnectionState.OFFLINE && (state == ConnectionState.ONLINE || state == ConnectionState.DEGRADED)) {
            LOG.info("Connection to {} is back ({})", profile.get() == null ? "?" : profile.get().name(), state);
            recoveries.set(recoveries.get() + 1);
        }
    }

    /** Connects to the remembered profile (the sandbox on a first run). */
    public void start() {
        connect(settings.get().activeProfile());
    }

    /** Closes the current session (if any) and opens one for {@code target}. */
    public void connect(ConnectionProfile target) {
        open(target, CompletableFuture.completedFuture(null));
    }

    /** Signs the single sign-on profile out (revoked where the issuer allows), and opens the sandbox meanwhile. */
    public void signOut() {
        ConnectionProfile current = profile.get();
        open(ConnectionProfile.sandbox(), connector.signOut(current).handle((revoked, failure) -> null));
    }

    /** Saves a token the user typed for the current profile, then connects with it. */
    public void submitToken(String token) {
        ConnectionProfile target = profile.get();
        open(target, CompletableFuture.runAsync(() -> {
            try {
                connector.saveToken(target.id(), token.trim());
            } catch (IOException e) {
                throw new TokenNotSaved(e);
            }
        }, io));
    }

    /** Closes the current session and, once {@code first} is done (a token stored), opens one for {@code target}. */
    private void open(ConnectionProfile target, CompletableFuture<Void> first) {
        opening.cancel();
        closeSession();
        profile.set(target);
        needsToken.set(i18n.get("startup.needsToken", target.name()));
        step.set(i18n.get(target.isSandbox() ? "startup.sandbox" : "startup.connecting", target.name()));
        connectionState.set(ConnectionState.CONNECTING);
        Consumer<String> progress = key -> ui.execute(() -> {
            if (profile.get() == target && phase.get() == Phase.CONNECTING) {
                step.set(i18n.get(key));
            }
        });
        opening.start(withoutToken(target, first.thenCompose(v -> connector.connect(target, progress))),
                opened -> opened.ifPresent(s -> opened(target, s)), Optional::isEmpty);
    }

    /** The session, or none when the profile needs a token first (not a failure: the window asks for one). */
    private static CompletableFuture<Optional<Session>> withoutToken(ConnectionProfile target, CompletableFuture<Session> call) {
        CompletableFuture<Optional<Session>> answer = call.handle((opened, failure) -> {
            if (failure == null) {
                return Optional.of(opened);
            }
            Throwable cause = unwrap(failure);
            if (cause instanceof BackboneConnector.TokenRequiredException) {
                return Optional.empty();
            }
            LOG.warn("Could not connect to {}", target.name(), cause);
            throw new CompletionException(cause);
        });
        answer.whenComplete((v, t) -> {
            if (answer.isCancelled()) {
                call.cancel(true);
            }
        });
        return answer;
    }

    private void opened(ConnectionProfile target, Session opened) {
        session.set(opened);
        role.set(opened.principal().role());
        person.set(opened.principal().signedIn() ? opened.principal().name() : null);
        // Show the state now; later changes arrive through the listener.
        connectionState.set(opened.api().connection().state());
        opened.api().connection().addListener(connectionListener);
        updatePreferences(settings.get().preferences().withActiveProfileId(target.id()));
    }

    private String failureSentence(Throwable failure) {
        if (failure instanceof BackboneConnector.SandboxInUseException) {
            return i18n.get("startup.sandboxInUse");
        }
        if (failure instanceof TokenNotSaved) {
            return i18n.get("startup.tokenNotSaved");
        }
        String name = profile.get() == null ? "" : profile.get().name();
        return i18n.get("startup.failed", name) + " " + ErrorText.sentence(i18n, failure);
    }

    /** The detail to copy: what went wrong underneath (the store's lock, the credential store's error). */
    private static String failureDetail(Throwable failure) {
        boolean wrapper = failure instanceof BackboneConnector.SandboxInUseException || failure instanceof TokenNotSaved;
        return ErrorText.detail(wrapper && failure.getCause() != null ? failure.getCause() : failure);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    public void retry() {
        connect(profile.get());
    }

    private void closeSession() {
        Session old = session.get();
        if (old != null) {
            old.api().connection().removeListener(connectionListener);
            session.set(null);
            role.set(null);
            person.set(null);
            io.execute(old::close);
        }
    }

    public void selectWorkspace(Workspace target) {
        workspace.set(target);
        updatePreferences(settings.get().preferences().withLastWorkspace(target.code()));
    }

    public void toggleTheme() {
        Theme next = theme.get() == Theme.DARK ? Theme.LIGHT : Theme.DARK;
        theme.set(next);
        updatePreferences(settings.get().preferences().withTheme(next));
    }

    public void rememberWindow(Preferences.WindowGeometry geometry) {
        updatePreferences(settings.get().preferences().withWindow(geometry));
    }

    @Override
    public Optional<String> recall(String key) {
        return Optional.ofNullable(settings.get().preferences().viewState().get(key));
    }

    @Override
    public void remember(String key, String value) {
        if (java.util.Objects.equals(recall(key).orElse(null), value)) {
            return;
        }
        updatePreferences(settings.get().preferences().withViewState(key, value));
    }

    /** Replaces the settings (from the profiles dialog) and saves them. */
    public void updateSettings(Settings changed) {
        settings.set(changed);
        save(changed);
    }

    /**
     * Checks the form and, when all is well, stores the secrets typed in it and saves the profile.
     * The TLS files are opened off the UI thread (see {@link ProfileForm#fileProblems}); a blank
     * password means the stored one. Completes on the UI thread with field name → problem; empty
     * when the profile was saved (its secrets stored first, so connecting at once finds them).
     */
    public CompletableFuture<Map<String, String>> saveProfile(ProfileForm form) {
        CompletableFuture<Map<String, String>> done = new CompletableFuture<>();
        Map<String, String> problems = form.problems();
        if (!problems.isEmpty()) {
            done.complete(problems);
            return done;
        }
        ProfileForm.Draft draft = form.draft();
        String id = draft.profile().id();
        CompletableFuture.supplyAsync(() -> {
            Map<String, String> fileProblems = form.fileProblems(draft, secret -> storedSecret(id, secret));
            if (fileProblems.isEmpty()) {
                storeSecrets(draft);
            }
            return fileProblems;
        }, io).whenComplete((fileProblems, failure) -> ui.execute(() -> {
            if (failure != null) {
                LOG.warn("Could not save profile {}", draft.profile().name(), failure);
                done.complete(Map.of("form", i18n.get("profiles.error.secretsNotSaved") + " " + ErrorText.detail(failure)));
                return;
            }
            if (fileProblems.isEmpty()) {
                updateSettings(settings.get().withProfile(draft.profile()));
            }
            done.complete(fileProblems);
        }));
        return done;
    }

    /**
     * Tries the profile as typed (without saving it or opening a session) and says what happened in a
     * sentence: the server reached, its version and the API version it serves, and who the token signs in
     * as; or why it could not connect. The form's own problems come first and nothing is tried.
     */
    public CompletableFuture<String> testProfile(ProfileForm form) {
        Map<String, String> problems = form.problems();
        if (!problems.isEmpty()) {
            return CompletableFuture.completedFuture(i18n.get("profiles.test.fixFirst"));
        }
        ProfileForm.Draft draft = form.draft();
        CompletableFuture<String> done = new CompletableFuture<>();
        ui.deliver(connector.test(draft.profile(), draft.typedSecrets()), check -> done.complete(
                check.principal() == null
                        ? i18n.get("profiles.test.okNoToken", draft.profile().url(), check.health().version(),
                        check.health().apiVersion())
                        : i18n.get("profiles.test.ok", draft.profile().url(), check.health().version(),
                        check.health().apiVersion(), check.principal().name(),
                        i18n.get("role." + check.principal().role().code()))),
                failure -> done.complete(i18n.get("profiles.test.failed", ErrorText.sentence(i18n, failure))));
        return done;
    }

    private Optional<String> storedSecret(String profileId, Secret secret) {
        try {
            return connector.readSecret(profileId, secret);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves the typed secrets, and forgets the password of a TLS file the profile no longer names. */
    private void storeSecrets(ProfileForm.Draft draft) {
        String id = draft.profile().id();
        try {
            for (Map.Entry<Secret, String> typed : draft.typedSecrets().entrySet()) {
                connector.saveSecret(id, typed.getKey(), typed.getValue());
            }
            if (draft.profile().trustStore() == null) {
                connector.deleteSecret(id, Secret.TRUST_STORE_PASSWORD);
            }
            if (draft.profile().clientCertificate() == null) {
                connector.deleteSecret(id, Secret.CLIENT_CERTIFICATE_PASSWORD);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes a remote profile and its secrets; if it was the live one, the console goes back to the sandbox. */
    public void removeProfile(String id) {
        boolean wasActive = profile.get() != null && profile.get().id().equals(id);
        updateSettings(settings.get().withoutProfile(id));
        io.execute(() -> {
            for (Secret secret : Secret.values()) {
                try {
                    connector.deleteSecret(id, secret);
                } catch (IOException | RuntimeException e) {
                    LOG.warn("Could not delete the {} of removed profile {}", secret.code(), id, e);
                }
            }
        });
        if (wasActive) {
            connect(settings.get().activeProfile());
        }
    }

    private void updatePreferences(Preferences preferences) {
        updateSettings(settings.get().withPreferences(preferences));
    }

    private void save(Settings snapshot) {
        io.execute(() -> {
            try {
                settingsStore.save(snapshot);
            } catch (IOException e) {
                LOG.warn("Could not save settings to {}", settingsStore.file(), e);
            }
        });
    }

    /** Closes the session; the window is closing. */
    public void shutdown() {
        opening.cancel();
        closeSession();
    }

    public ReadOnlyObjectProperty<Settings> settingsProperty() {
        return settings;
    }

    public ReadOnlyObjectProperty<ConnectionProfile> profileProperty() {
        return profile;
    }

    public ReadOnlyObjectProperty<Session> sessionProperty() {
        return session;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase;
    }

    public ReadOnlyStringProperty phaseMessageProperty() {
        return phaseMessage;
    }

    public ReadOnlyStringProperty phaseDetailProperty() {
        return opening.errorDetailProperty();
    }

    /** Opening the session, as the window's placeholder shows it; Retry connects again. */
    public LoadStatus openingStatus() {
        return opening.status();
    }

    /** The step of opening a session under way ("Starting the sandbox server…"). */
    public ReadOnlyStringProperty stepProperty() {
        return step;
    }

    /** What a profile without a token is asked ("Enter the access token for INT…"). */
    public ReadOnlyStringProperty needsTokenProperty() {
        return needsToken;
    }

    public ReadOnlyObjectProperty<ConnectionState> connectionStateProperty() {
        return connectionState;
    }

    public ReadOnlyObjectProperty<Role> roleProperty() {
        return role;
    }

    public javafx.beans.property.ReadOnlyStringProperty personProperty() {
        return person;
    }

    public ReadOnlyObjectProperty<Workspace> workspaceProperty() {
        return workspace;
    }

    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** How many times the connection came back from OFFLINE in this run; the window refreshes on each. */
    public ReadOnlyIntegerProperty recoveriesProperty() {
        return recoveries;
    }

    public String secretStoreDescription() {
        return connector.secretStoreDescription();
    }

    /** The contract version this console speaks (openapi.yaml), to set beside the server's. */
    public static final String CONSOLE_API_VERSION = "1.0.0";

    /**
     * What the connected server says about itself (its version, the API version it serves, its mode and
     * database), handed to {@code onInfo} on the UI thread; {@code onFailure} gets the reason in words
     * when there is no session or the server does not answer.
     */
    public void serverHealth(Consumer<io.spineconsole.domain.ServerHealth> onInfo, Consumer<String> onFailure) {
        Session s = session.get();
        if (s == null) {
            onFailure.accept(i18n.get("about.server.none"));
            return;
        }
        ui.deliver(s.api().health(), onInfo, e -> onFailure.accept(ErrorText.sentence(i18n, e)));
    }

    /** The server the session talks to, or "" before one is open. */
    public String serverUrl() {
        Session s = session.get();
        return s == null ? "" : s.serverUrl();
    }
}
