package io.spineconsole.ui.common;

import io.spineconsole.api.ApiException;
import io.spineconsole.testing.FxThread;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one placeholder, as a user sees it in each state of the load it is bound to. */
class PlaceholderTest {
    private static final I18n I18N = new I18n(Locale.UK);

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
    }


    /** The texts of the labels and buttons a user can see now (visible all the way up to the placeholder). */
    private static List<String> seen(Placeholder p) {
        return java.util.stream.Stream.concat(p.lookupAll(".label").stream(), p.lookupAll(".button").stream())
                .filter(n -> shown(n, p)).map(n -> ((Labeled) n).getText()).filter(t -> t != null && !t.isEmpty()).toList();
    }

    private static boolean shown(Node n, Parent top) {
        for (Node at = n; at != null && at != top; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static boolean spinnerShown(Placeholder p) {
        return p.lookupAll(".progress-indicator").stream().anyMatch(n -> n instanceof ProgressIndicator && shown(n, p));
    }

    @Test
    void showsBusyThenTheEmptyTextThenTheErrorWithRetryForEachState() throws Exception {
        int[] loads = {0};
        StringProperty emptyText = new SimpleStringProperty("No endpoints match.");
        LatestLoad load = new LatestLoad(new UiExecutor(Runnable::run), I18N, () -> false);
        CompletableFuture<List<String>> pending = new CompletableFuture<>();
        Placeholder p = FxThread.call(() -> {
            Placeholder placeholder = new Placeholder(load.status(), emptyText, I18N);
            FxToolkit.toolkitContext().getRegisteredStage().setScene(new Scene(new StackPane(placeholder), 600, 300));
            load.onRetry(() -> loads[0]++);
            load.start(pending, rows -> { }, List::isEmpty);
            return placeholder;
        });

        FxThread.call(() -> {
            p.applyCss();
            assertTrue(spinnerShown(p), "busy: a spinner");
            assertEquals(List.of("Loading…"), seen(p));
            pending.complete(List.of());
            assertFalse(spinnerShown(p));
            assertEquals(List.of("No endpoints match."), seen(p), "empty: why");
            emptyText.set("No endpoints are suspended.");
            assertEquals(List.of("No endpoints are suspended."), seen(p), "the empty text follows the filters");

            load.start(CompletableFuture.failedFuture(new ApiException(ApiException.Kind.OFFLINE, 0, "OFFLINE",
                    "No answer from the server.", "GET /x: refused", List.of(), null)), rows -> { }, r -> true);
            List<String> failed = seen(p);
            assertTrue(failed.get(0).contains("No answer from the server."), failed.toString());
            assertTrue(failed.contains("Try again"), "failed: a Retry button " + failed);
            Button retry = (Button) p.lookupAll(".button").stream()
                    .filter(b -> "Try again".equals(((Button) b).getText())).findFirst().orElseThrow();
            retry.fire();
            assertEquals(1, loads[0], "Retry runs the load again");

            load.start(CompletableFuture.completedFuture(List.of("a")), rows -> { }, List::isEmpty);
            assertEquals(List.of(), seen(p), "loaded: the placeholder shows nothing");
            return null;
        });
    }

    @Test
    void aBusyMessageAndAnExtraWayOutCanBeGivenAndItCanStepAsideWhenIdle() throws Exception {
        StringProperty step = new SimpleStringProperty("Starting the sandbox…");
        LatestLoad load = new LatestLoad(new UiExecutor(Runnable::run), I18N, () -> false);
        FxThread.call(() -> {
            Placeholder p = new Placeholder(load.status(), "", I18N).busyText(step)
                    .failedAction(new Button("Profiles")).onlyWhileBusyOrFailed();
            FxToolkit.toolkitContext().getRegisteredStage().setScene(new Scene(new StackPane(p), 600, 300));
            assertFalse(p.isVisible() || p.isManaged(), "idle: it takes no room");
            load.start(new CompletableFuture<>(), r -> { }, r -> false);
            assertTrue(p.isVisible());
            assertEquals(List.of("Starting the sandbox…"), seen(p));
            step.set("Signing in…");
            assertEquals(List.of("Signing in…"), seen(p));
            load.start(CompletableFuture.failedFuture(new IllegalStateException("boom")), r -> { }, r -> false);
            assertTrue(seen(p).containsAll(List.of("Try again", "Profiles")), seen(p).toString());
            return null;
        });
    }
}
