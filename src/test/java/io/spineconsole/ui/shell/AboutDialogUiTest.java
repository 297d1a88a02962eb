package io.spineconsole.ui.shell;

import io.spineconsole.domain.Role;
import io.spineconsole.domain.ServerHealth;
import io.spineconsole.domain.StoreUsage;
import io.spineconsole.settings.ConnectionProfile;
import io.spineconsole.settings.Preferences;
import io.spineconsole.settings.SecretStore;
import io.spineconsole.settings.Settings;
import io.spineconsole.settings.SettingsStore;
import io.spineconsole.testing.FakeBackboneApi;
import io.spineconsole.testing.FxThread;
import io.spineconsole.testing.Screenshots;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Themes;
import io.spineconsole.ui.common.UiExecutor;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** About, signed in to a sandbox: the server's store shows its size on disk and how long it keeps messages. */
class AboutDialogUiTest {
    private static final I18n I18N = new I18n(Locale.UK);
    private static Stage stage;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void stop() throws Exception {
        FxToolkit.cleanupStages();
    }

    /** Connects at once to a fake backbone whose health route reports a store of 57.3 MB kept 7 days. */
    private static final class Connector implements BackboneConnector {
        @Override
        public CompletableFuture<Session> connect(ConnectionProfile profile, Consumer<String> progress) {
            FakeBackboneApi api = new FakeBackboneApi(Role.ADMIN);
            api.health = new ServerHealth("ok", "1.4.0", ShellViewModel.CONSOLE_API_VERSION, "sandbox", "h2",
                    new StoreUsage(60_083_405L, 7), true);
            return CompletableFuture.completedFuture(new Session(profile, api, api.me().join()));
        }

        @Override
        public String secretStoreDescription() {
            return "Test keychain";
        }

        @Override
        public Optional<String> readSecret(String profileId, SecretStore.Secret secret) {
            return Optional.empty();
        }

        @Override
        public void saveSecret(String profileId, SecretStore.Secret secret, String value) {
        }

        @Override
        public void deleteSecret(String profileId, SecretStore.Secret secret) {
        }
    }

    @Test
    void aboutShowsTheServersStoreSizeAndRetention() throws Exception {
        ShellViewModel shell = FxThread.call(() -> {
            ShellViewModel model = new ShellViewModel(new Connector(), new SettingsStore(dir), Settings.defaults(),
                    new UiExecutor(Platform::runLater), Runnable::run, I18N);
            model.start();
            return model;
        });
        FxThread.await(() -> !shell.serverUrl().isEmpty());
        AboutDialog about = FxThread.call(() -> {
            Scene scene = new Scene(new StackPane(), 400, 300);
            Themes.apply(Preferences.Theme.LIGHT, scene);
            stage.setScene(scene);
            stage.show();
            AboutDialog d = new AboutDialog(stage, new AboutInfo("1.4.0", "17.0.13", "21.0.11", "Linux",
                    dir.resolve("settings.json"), dir.resolve("logs")), shell, () -> { }, I18N);
            d.show();
            return d;
        });
        DialogPane pane = about.getDialogPane();
        FxThread.await(() -> "1.4.0".equals(((Label) pane.lookup("#about-server-version")).getText()));
        assertEquals("57.3 MB on disk; messages kept 7 days", FxThread.call(() -> ((Label) pane.lookup("#about-store")).getText()));
        for (Preferences.Theme theme : List.of(Preferences.Theme.LIGHT, Preferences.Theme.DARK)) {
            FxThread.call(() -> {
                Themes.apply(theme, pane.getScene());
                pane.applyCss();
                pane.layout();
                Screenshots.write(pane.getScene(), "about-" + theme.name().toLowerCase(Locale.ROOT));
                return null;
            });
        }
        FxThread.call(() -> {
            about.close();
            return null;
        });
    }
}
