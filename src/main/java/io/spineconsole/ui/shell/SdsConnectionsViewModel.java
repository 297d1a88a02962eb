package io.spineconsole.ui.shell;

import io.spineconsole.api.sds.EndpointQuery;
import io.spineconsole.api.sds.SdsDirectory;
import io.spineconsole.api.sds.SdsException;
import io.spineconsole.domain.sds.SdsEnvironment;
import io.spineconsole.settings.SdsConnectionProfile;
import io.spineconsole.settings.SecretStore;
import io.spineconsole.settings.Settings;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.UiExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;

/**
 * The SDS connections of the settings: add, edit, test and remove the connections to the Spine Directory Service's
 * FHIR API. A connection is a name, an environment (whose base URL the published API gives) and an optional pace;
 * its API key goes to the OS credential store, never to the settings file. The first connection is the one the
 * console looks records up with. Bad input is refused field by field, in words, and nothing is saved.
 */
public final class SdsConnectionsViewModel {
    /** The search "Test connection" makes: the published API's own example (organisation YES, a PSIS interaction). */
    static final EndpointQuery TEST_SEARCH = EndpointQuery.of("YES", "urn:nhs:names:services:psis:REPC_IN150016UK05");

    private final ShellViewModel shell;
    private final SecretStore secrets;
    private final BiFunction<SdsConnectionProfile, String, SdsDirectory> open;
    private final Executor io;
    private final UiExecutor ui;
    private final I18n i18n;
    private final Runnable onChanged;
    private final ObservableList<SdsConnectionProfile> connections = FXCollections.observableArrayList();
    private final ObjectProperty<SdsConnectionProfile> editing = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty environment = new SimpleStringProperty("");
    private final StringProperty apiKey = new SimpleStringProperty("");
    private final StringProperty pace = new SimpleStringProperty("");
    private final Problems errors = new Problems();
    private final StringProperty result = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    /**
     * @param secrets   where API keys are kept (the OS credential store, as for the backbone profiles' tokens)
     * @param open      opens a directory for a connection and an API key (for "Test connection")
     * @param onChanged called on the UI thread after a connection was saved or removed
     */
    public SdsConnectionsViewModel(ShellViewModel shell, SecretStore secrets,
                                   BiFunction<SdsConnectionProfile, String, SdsDirectory> open, Executor io, UiExecutor ui,
                                   I18n i18n, Runnable onChanged) {
        this.shell = shell;
        this.secrets = secrets;
        this.open = open;
        this.io = io;
        this.ui = ui;
        this.i18n = i18n;
        this.onChanged = onChanged;
        connections.setAll(shell.settingsProperty().get().sdsProfiles());
        shell.settingsProperty().addListener((o, a, s) -> connections.setAll(s.sdsProfiles()));
        startNew();
    }

    /** Clears the form for a new connection. */
    public void startNew() {
        editing.set(null);
        fill("", "", "", "");
    }

    /** Loads a saved connection into the form (its API key stays where it is: blank keeps it). */
    public void edit(SdsConnectionProfile p) {
        if (p == null) {
            startNew();
            return;
        }
        editing.set(p);
        fill(p.name(), p.environment().code(), "", p.requestsPerSecond() == null ? "" : format(p.requestsPerSecond()));
    }

    private void fill(String n, String env, String key, String perSecond) {
        name.set(n);
        environment.set(env);
        apiKey.set(key);
        pace.set(perSecond);
        errors.clear();
        result.set("");
    }

    /** The checked form, or empty with each problem under its field ("name", "environment", "apiKey", "pace"). */
    private Optional<SdsConnectionProfile> check(boolean forSave) {
        errors.clear();
        String n = name.get().strip();
        if (forSave && n.isEmpty()) {
            errors.put("name", i18n.get("sds.error.nameBlank"));
        } else if (forSave && connections.stream().anyMatch(c -> c.name().equalsIgnoreCase(n)
                && (editing.get() == null || !c.id().equals(editing.get().id())))) {
            errors.put("name", i18n.get("sds.error.nameTaken", n));
        }
        SdsEnvironment env = environment(environment.get()).orElse(null);
        if (env == null) {
            errors.put("environment", environment.get().isBlank() ? i18n.get("sds.error.environmentBlank")
                    : i18n.get("sds.error.environmentUnknown", environment.get().strip(), codes()));
        }
        String key = apiKey.get().strip();
        if (key.isEmpty() && editing.get() == null) {
            errors.put("apiKey", i18n.get("sds.error.apiKeyBlank"));
        } else if (key.chars().anyMatch(Character::isWhitespace)) {
            errors.put("apiKey", i18n.get("sds.error.apiKeySpaces"));
        }
        Double perSecond = null;
        if (!pace.get().isBlank()) {
            try {
                perSecond = Double.valueOf(pace.get().strip());
                if (!(perSecond > 0 && perSecond <= 1000)) {
                    errors.put("pace", i18n.get("sds.error.pace", pace.get().strip()));
                }
            } catch (NumberFormatException e) {
                errors.put("pace", i18n.get("sds.error.pace", pace.get().strip()));
            }
        }
        if (!errors.isEmpty() || env == null) {
            return Optional.empty();
        }
        String id = editing.get() == null ? null : editing.get().id();
        SdsConnectionProfile p = id == null ? SdsConnectionProfile.create(n.isEmpty() ? env.code() : n, env)
                : new SdsConnectionProfile(id, n, env, null);
        return Optional.of(p.withPace(perSecond));
    }

    /**
     * Saves the form: its API key to the credential store first (off the UI thread), then the connection to the
     * settings. Completes on the UI thread with true when saved; false, with the problems said, when not.
     */
    public CompletableFuture<Boolean> save() {
        Optional<SdsConnectionProfile> checked = check(true);
        if (checked.isEmpty()) {
            return CompletableFuture.completedFuture(false);
        }
        SdsConnectionProfile p = checked.get();
        String key = apiKey.get().strip();
        busy.set(true);
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        CompletableFuture<Void> store = CompletableFuture.runAsync(() -> {
            try {
                if (!key.isEmpty()) {
                    secrets.saveSdsApiKey(p.id(), key);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, io);
        ui.deliver(store, v -> {
            busy.set(false);
            Settings s = shell.settingsProperty().get();
            shell.updateSettings(s.withSdsProfile(p));
            editing.set(p);
            apiKey.set("");
            result.set(i18n.get("sds.saved", p.name(), secrets.description()));
            onChanged.run();
            done.complete(true);
        }, t -> {
            busy.set(false);
            errors.put("form", i18n.get("sds.error.keyNotSaved", String.valueOf(rootCause(t).getMessage())));
            done.complete(false);
        });
        return done;
    }

    /** Removes the connection being edited and its API key. */
    public CompletableFuture<Void> remove() {
        SdsConnectionProfile p = editing.get();
        if (p == null) {
            return CompletableFuture.completedFuture(null);
        }
        shell.updateSettings(shell.settingsProperty().get().withoutSdsProfile(p.id()));
        onChanged.run();
        startNew();
        result.set(i18n.get("sds.removed", p.name()));
        return CompletableFuture.runAsync(() -> {
            try {
                secrets.delete(p.id(), SecretStore.Secret.SDS_API_KEY);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, io);
    }

    /**
     * Tries the form's connection (the typed key, or the saved one) with the published API's example search, and
     * says in words what SDS answered. Nothing is saved.
     */
    public CompletableFuture<String> test() {
        Optional<SdsConnectionProfile> checked = check(false);
        if (checked.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        SdsConnectionProfile p = checked.get();
        String typed = apiKey.get().strip();
        busy.set(true);
        result.set(i18n.get("sds.testing", p.environment().baseUrl()));
        CompletableFuture<Integer> found = CompletableFuture.supplyAsync(() -> {
            try {
                return typed.isEmpty() ? secrets.sdsApiKey(p.id()).orElse("") : typed;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, io).thenCompose(key -> {
            SdsDirectory d = open.apply(p, key);
            return d.endpoints(TEST_SEARCH).whenComplete((r, e) -> close(d)).thenApply(r -> r.records().size());
        });
        CompletableFuture<String> said = new CompletableFuture<>();
        ui.deliver(found, n -> {
            busy.set(false);
            result.set(i18n.get("sds.testOk", environmentName(p.environment()), n));
            said.complete(result.get());
        }, t -> {
            busy.set(false);
            Throwable cause = rootCause(t);
            result.set(cause instanceof SdsException e
                    ? i18n.get("registrations.sds.failed." + e.reason().code(), e.getMessage())
                    : i18n.get("registrations.sds.failed.unavailable", String.valueOf(cause.getMessage())));
            said.complete(result.get());
        });
        return said;
    }

    private static void close(SdsDirectory d) {
        if (d instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // a test connection's resources: nothing to tell the user
            }
        }
    }

    private static Throwable rootCause(Throwable t) {
        while ((t instanceof java.util.concurrent.CompletionException || t instanceof java.io.UncheckedIOException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** The environment with a code or name, whatever its case; empty for anything else. */
    static Optional<SdsEnvironment> environment(String code) {
        String c = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(SdsEnvironment.values()).filter(e -> e.code().equals(c)).findFirst();
    }

    private static String codes() {
        return String.join(", ", Arrays.stream(SdsEnvironment.values()).map(SdsEnvironment::code).toList());
    }

    /** The environment in words, for example "Integration test (INT)". */
    public String environmentName(SdsEnvironment e) {
        return i18n.get("sds.environment." + e.code());
    }

    private static String format(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    public ObservableList<SdsConnectionProfile> connections() {
        return FXCollections.unmodifiableObservableList(connections);
    }

    public ObjectProperty<SdsConnectionProfile> editingProperty() {
        return editing;
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** The environment's code ({@code int}, {@code live}, ...). */
    public StringProperty environmentProperty() {
        return environment;
    }

    public StringProperty apiKeyProperty() {
        return apiKey;
    }

    public StringProperty paceProperty() {
        return pace;
    }

    /** Field → problem: {@code name}, {@code environment}, {@code apiKey}, {@code pace}, {@code form}. */
    public Problems errors() {
        return errors;
    }

    public StringProperty resultProperty() {
        return result;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public String secretStoreDescription() {
        return secrets.description();
    }

    /** The problems of the form, one string property per field, so a label can bind to each. */
    public static final class Problems {
        private final Map<String, StringProperty> byField = new LinkedHashMap<>();

        public StringProperty of(String field) {
            return byField.computeIfAbsent(field, f -> new SimpleStringProperty(""));
        }

        void put(String field, String problem) {
            of(field).set(problem);
        }

        void clear() {
            byField.values().forEach(p -> p.set(""));
        }

        boolean isEmpty() {
            return byField.values().stream().allMatch(p -> p.get().isEmpty());
        }

        public String get(String field) {
            return of(field).get();
        }
    }
}
