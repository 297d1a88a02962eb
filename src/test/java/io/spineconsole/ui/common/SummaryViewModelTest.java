package io.spineconsole.ui.common;

import io.spineconsole.api.ApiException;
import io.spineconsole.domain.registrations.RegistrationSummary;
import io.spineconsole.domain.Role;
import io.spineconsole.testing.FakeBackboneApi;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SummaryViewModelTest {
    private final I18n i18n = new I18n(Locale.UK);

    @Test
    void loadsTilesAndKeepsThemWhenARefreshFails() {
        AtomicReference<CompletableFuture<RegistrationSummary>> next = new AtomicReference<>(
                CompletableFuture.completedFuture(new RegistrationSummary(5, 6, 7, 0, 0)));
        SummaryViewModel<RegistrationSummary> model = new SummaryViewModel<>(api -> next.get(),
                s -> List.of(new Tile("Organisations", Long.toString(s.organisations()), "", "")),
                new UiExecutor(Runnable::run), i18n);
        model.connect(new FakeBackboneApi(Role.VIEWER));
        assertEquals(LoadState.LOADED, model.stateProperty().get());
        assertEquals("5", model.tiles().get(0).value());

        next.set(CompletableFuture.failedFuture(new ApiException(ApiException.Kind.OFFLINE, 0, "OFFLINE",
                "The server at x could not be reached.", "GET /x: refused", List.of(), null)));
        model.refresh();
        assertEquals(LoadState.FAILED, model.stateProperty().get());
        assertEquals("5", model.tiles().get(0).value(), "the last good numbers stay on screen");
        assertTrue(model.errorProperty().get().startsWith(i18n.get("error.offline")));
        assertEquals("GET /x: refused", model.errorDetailProperty().get());
    }

    @Test
    void aRefreshWhileOneIsRunningDoesNotStartAnother() {
        CompletableFuture<RegistrationSummary> pending = new CompletableFuture<>();
        int[] calls = {0};
        SummaryViewModel<RegistrationSummary> model = new SummaryViewModel<>(api -> {
            calls[0]++;
            return pending;
        }, s -> List.of(), new UiExecutor(Runnable::run), i18n);
        model.connect(new FakeBackboneApi(Role.VIEWER));
        model.refresh();
        model.refresh();
        assertEquals(1, calls[0]);
        assertEquals(LoadState.LOADING, model.stateProperty().get());
        model.dispose();
        assertTrue(pending.isCancelled(), "disposing cancels the call in flight");
    }
}
