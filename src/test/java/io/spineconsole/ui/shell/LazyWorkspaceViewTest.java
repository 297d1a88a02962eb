package io.spineconsole.ui.shell;

import io.spineconsole.domain.Principal;
import io.spineconsole.domain.Role;
import io.spineconsole.settings.EnvironmentKind;
import io.spineconsole.testing.FakeBackboneApi;
import io.spineconsole.ui.common.WorkspaceContext;
import io.spineconsole.ui.common.WorkspaceView;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A workspace built when first needed behaves, once built, as if it had been built at start-up. */
class LazyWorkspaceViewTest {
    private final List<String> events = new ArrayList<>();
    private int builds;

    private final class Recording implements WorkspaceView {
        private final Pane node = new Pane();

        @Override
        public Node node() {
            return node;
        }

        @Override
        public void connect(WorkspaceContext context) {
            events.add("connect " + context.profileId());
        }

        @Override
        public void refresh() {
            events.add("refresh");
        }

        @Override
        public void dispose() {
            events.add("dispose");
        }

        @Override
        public Optional<String> unsavedChanges() {
            return Optional.of("an edit");
        }
    }

    private LazyWorkspaceView lazy() {
        return LazyWorkspaceView.of(() -> {
            builds++;
            events.add("built");
            return new Recording();
        });
    }

    private static WorkspaceContext session(String profile) {
        return new WorkspaceContext(new FakeBackboneApi(Role.ADMIN), new Principal("Tester", Role.ADMIN, 1), profile,
                profile, EnvironmentKind.SANDBOX);
    }

    @Test
    void nothingIsBuiltUntilTheWorkspaceIsShownAndThenItLoadsTheOpenSession() {
        LazyWorkspaceView view = lazy();
        view.connect(session("first"));
        view.connect(session("second")); // the user switched profile before ever opening it
        view.refresh();

        assertEquals(0, builds);
        assertEquals(Optional.empty(), view.unsavedChanges());

        Node shown = view.node();
        assertSame(shown, view.node());
        assertEquals(1, builds);
        assertTrue(view.isBuilt());
        assertEquals(List.of("built", "connect second"), events);
    }

    @Test
    void aSessionClosedBeforeTheWorkspaceWasBuiltIsNotLoadedWhenItIs() {
        LazyWorkspaceView view = lazy();
        view.connect(session("closed"));
        view.dispose();
        view.node();

        assertEquals(List.of("built"), events);
    }

    @Test
    void onceBuiltEveryCallReachesTheWorkspace() {
        LazyWorkspaceView view = lazy();
        view.node();
        view.connect(session("live"));
        view.refresh();
        view.dispose();

        assertEquals(List.of("built", "connect live", "refresh", "dispose"), events);
        assertEquals(Optional.of("an edit"), view.unsavedChanges());
        assertFalse(view.actions().iterator().hasNext());
        assertEquals(1, builds);
    }
}
