package io.spineconsole.ui.shell;

import io.spineconsole.ui.common.ConsoleLink;
import io.spineconsole.ui.common.Showcase;
import io.spineconsole.ui.common.WorkspaceAction;
import io.spineconsole.ui.common.WorkspaceContext;
import io.spineconsole.ui.common.WorkspaceView;
import javafx.scene.Node;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A workspace built the first time it is needed (shown, opened by a link, asked for its palette
 * actions or screenshots), so start-up builds only the one on screen. Until then it remembers the
 * open session and connects the workspace to it once built; it has nothing to refresh, nothing
 * unsaved and nothing to dispose. Used on the UI thread only.
 */
public final class LazyWorkspaceView implements WorkspaceView {
    private final Supplier<? extends WorkspaceView> factory;
    private WorkspaceView built;
    private WorkspaceContext pending;

    private LazyWorkspaceView(Supplier<? extends WorkspaceView> factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /** A workspace that {@code factory} builds when it is first needed. */
    public static LazyWorkspaceView of(Supplier<? extends WorkspaceView> factory) {
        return new LazyWorkspaceView(factory);
    }

    /** True once the workspace exists. */
    public boolean isBuilt() {
        return built != null;
    }

    /** Builds the workspace now (connected to the open session, if any) unless it already exists. */
    public WorkspaceView build() {
        if (built == null) {
            built = Objects.requireNonNull(factory.get(), "the factory built no workspace");
            if (pending != null) {
                WorkspaceContext context = pending;
                pending = null;
                built.connect(context);
            }
        }
        return built;
    }

    @Override
    public Node node() {
        return build().node();
    }

    @Override
    public void connect(WorkspaceContext context) {
        if (built != null) {
            built.connect(context);
        } else {
            pending = context;
        }
    }

    @Override
    public void refresh() {
        if (built != null) {
            built.refresh();
        }
    }

    @Override
    public void dispose() {
        pending = null;
        if (built != null) {
            built.dispose();
        }
    }

    @Override
    public Optional<String> unsavedChanges() {
        return built == null ? Optional.empty() : built.unsavedChanges();
    }

    @Override
    public boolean open(ConsoleLink link) {
        return build().open(link);
    }

    @Override
    public List<WorkspaceAction> actions() {
        return build().actions();
    }

    @Override
    public List<Showcase> showcases() {
        return build().showcases();
    }
}
