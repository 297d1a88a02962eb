package io.spineconsole.ui.registrations;

import io.spineconsole.api.BackboneApi;
import io.spineconsole.domain.Role;
import io.spineconsole.testing.FakeBackboneApi;
import io.spineconsole.ui.common.EnvironmentAccess;
import io.spineconsole.ui.common.EnvironmentAccess.Environment;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.TimeText;
import io.spineconsole.ui.common.UiExecutor;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Choosing and opening the two environments: the connected one first, a failure to open one said in words. */
class EnvironmentDiffViewModelTest {
    private static final I18n I18N = new I18n(Locale.UK);

    private static EnvironmentDiffViewModel model(EnvironmentAccess access, BackboneApi current) {
        return new EnvironmentDiffViewModel(access, "int", current, new UiExecutor(Runnable::run), I18N, Runnable::run,
                new TimeText(Clock.systemUTC(), I18N, TimeText.UK));
    }

    @Test
    void theConnectedEnvironmentComesFirstAndAnotherThatCannotBeOpenedIsSaidInWords() {
        FakeBackboneApi current = new FakeBackboneApi(Role.ADMIN);
        EnvironmentAccess access = EnvironmentAccess.of(() -> List.of(new Environment("live", "LIVE"),
                new Environment("int", "INT"), new Environment("dep", "DEP")), id -> CompletableFuture.failedFuture(
                new IllegalStateException("LIVE has no stored token.")));
        EnvironmentDiffViewModel vm = model(access, current);

        assertEquals("INT", vm.firstProperty().get().name());
        assertEquals("LIVE", vm.secondProperty().get().name());
        vm.compare();

        assertEquals(DriftViewModel.State.FAILED, vm.drift().stateProperty().get());
        assertTrue(vm.drift().messageProperty().get().startsWith("Could not connect to an environment:"),
                vm.drift().messageProperty().get());
        assertFalse(vm.openingProperty().get());
        vm.close();
        assertFalse(current.closed, "the connected environment is the workspace's: never closed here");
    }

    @Test
    void theSameEnvironmentTwiceIsRefusedWithoutOpeningAnything() {
        int[] opened = new int[1];
        EnvironmentAccess access = EnvironmentAccess.of(() -> List.of(new Environment("int", "INT")), id -> {
            opened[0]++;
            return CompletableFuture.completedFuture(new FakeBackboneApi(Role.ADMIN));
        });
        EnvironmentDiffViewModel vm = model(access, new FakeBackboneApi(Role.ADMIN));
        vm.secondProperty().set(vm.firstProperty().get());
        vm.compare();

        assertEquals("Choose two different environments to compare.", vm.drift().messageProperty().get());
        assertEquals(0, opened[0]);
    }
}
