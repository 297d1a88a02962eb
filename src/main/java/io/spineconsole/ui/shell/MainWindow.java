package io.spineconsole.ui.shell;

import io.spineconsole.settings.Preferences.Theme;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.ConsoleLink;
import io.spineconsole.ui.common.Navigator;
import io.spineconsole.ui.common.WorkspaceContext;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import io.spineconsole.ui.common.Placeholder;
import io.spineconsole.ui.common.Themes;
import io.spineconsole.ui.common.WorkspaceAction;
import io.spineconsole.ui.common.WorkspaceView;
import io.spineconsole.ui.common.UiExecutor;
import io.spineconsole.ui.sandbox.SandboxDialog;
import io.spineconsole.ui.sandbox.SandboxViewModel;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The main window's content: environment band, header with the workspace title and global
 * actions, navigation, the current workspace, the status bar, and the command palette. While a
 * session opens it shows progress instead of the workspace; the window never waits.
 */
public final class MainWindow {
    private final ShellViewModel model;
    private final Map<Workspace, WorkspaceView> workspaces;
    private final I18n i18n;
    private final AboutInfo about;
    private final Runnable openLogFolder;
    private final StackPane root = new StackPane();
    private final StackPane content = new StackPane();
    private final Map<Workspace, ToggleButton> navButtons = new EnumMap<>(Workspace.class);
    private final CommandPalette palette;
    private final Label title = new Label();
    /** True while the sidebar is folded to a rail of icons. */
    private final javafx.beans.property.BooleanProperty railed = new javafx.beans.property.SimpleBooleanProperty();
    private static final javafx.css.PseudoClass RAIL = javafx.css.PseudoClass.getPseudoClass("rail");
    private final Node startup;
    private final SandboxViewModel sandbox;
    /** The open alerts of the environment: the band's badge, and a desktop notice per new alert. */
    private final AlertWatch alerts;
    private final AlertFeed alertFeed;
    private final javafx.animation.Timeline alertPump;
    private final javafx.animation.Timeline alertRefresh;
    private static final javafx.util.Duration ALERT_PUMP_EVERY = javafx.util.Duration.seconds(1);
    private static final javafx.util.Duration ALERT_REFRESH_EVERY = javafx.util.Duration.seconds(60);
    /** Alerts opening within this of each other make one notice. */
    private static final javafx.util.Duration ALERT_NOTICE_QUIET = javafx.util.Duration.millis(1500);

    public MainWindow(ShellViewModel model, Map<Workspace, WorkspaceView> workspaces, I18n i18n, AboutInfo about,
                      Runnable openLogFolder, Navigator navigator) {
        this.model = model;
        this.workspaces = workspaces;
        this.i18n = i18n;
        this.about = about;
        this.openLogFolder = openLogFolder;
        this.palette = new CommandPalette(this::commands, i18n);
        this.sandbox = new SandboxViewModel(new UiExecutor(javafx.application.Platform::runLater), i18n);

        this.alerts = new AlertWatch(i18n, new io.spineconsole.ui.common.FxDebouncer(ALERT_NOTICE_QUIET));
        this.alertFeed = new AlertFeed(alerts, new UiExecutor(javafx.application.Platform::runLater), i18n);
        Runnable openAlerts = () -> openLink(ConsoleLink.of("messages", "alerts"));
        alerts.onNotice(new DesktopNotices(root, openAlerts));
        alertPump = every(ALERT_PUMP_EVERY, alertFeed::pump);
        alertRefresh = every(ALERT_REFRESH_EVERY, alertFeed::refresh);

        BorderPane frame = new BorderPane();
        frame.getStyleClass().add("main-window");
        frame.setTop(new VBox(new EnvironmentBand(model, alerts, openAlerts, i18n), header()));
        frame.setLeft(navigation());
        content.getStyleClass().add("workspace-area");
        startup = startupOverlay();
        content.getChildren().add(startup);
        frame.setCenter(content);
        frame.setBottom(new StatusBar(model, i18n));
        root.getChildren().addAll(frame, palette);

        model.workspaceProperty().addListener((o, a, w) -> showWorkspace(w));
        // Signed in again with a role that is not shown the current workspace: back to the first.
        model.roleProperty().addListener((o, a, role) -> {
            if (role != null && !model.workspaceProperty().get().shownTo(role)) {
                model.selectWorkspace(Workspace.REGISTRATIONS);
            }
        });
        model.sessionProperty().addListener((o, old, session) -> {
            sandbox.connect(session == null ? null : session.api(), session == null ? null : session.principal().role());
            alertFeed.connect(session == null ? null : session.api(), session == null ? "" : session.profile().name());
            if (session == null) {
                alertPump.stop();
                alertRefresh.stop();
            } else {
                alertPump.play();
                alertRefresh.play();
            }
            if (session == null) {
                workspaces.values().forEach(WorkspaceView::dispose);
            } else {
                WorkspaceContext context = new WorkspaceContext(session.api(), session.principal(),
                        session.profile().id(), session.profile().name(), session.profile().kind());
                workspaces.values().forEach(v -> v.connect(context));
            }
        });
        navigator.setTarget(this::openLink);
        model.phaseProperty().addListener((o, a, phase) -> showWorkspace(model.workspaceProperty().get()));
        // The server is back after being unreachable: reload what the user is looking at.
        model.recoveriesProperty().addListener((o, a, n) -> {
            if (model.phaseProperty().get() == ShellViewModel.Phase.READY) {
                refresh();
            }
        });
        showWorkspace(model.workspaceProperty().get());
    }

    private static javafx.animation.Timeline every(javafx.util.Duration period, Runnable action) {
        javafx.animation.Timeline t = new javafx.animation.Timeline(new javafx.animation.KeyFrame(period, e -> action.run()));
        t.setCycleCount(javafx.animation.Timeline.INDEFINITE);
        return t;
    }

    /** The open alerts the band counts (for tests and screenshots). */
    public AlertWatch alerts() {
        return alerts;
    }

    public Parent root() {
        return root;
    }

    /** Keyboard shortcuts and theme; call once the scene exists. */
    public void install(Scene scene) {
        for (Workspace w : Workspace.values()) {
            scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+" + (w.ordinal() + 1)),
                    () -> goTo(w));
        }
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+K"), palette::open);
        scene.getAccelerators().put(KeyCombination.keyCombination("F5"), this::refresh);
        Themes.apply(model.themeProperty().get(), scene);
        model.themeProperty().addListener((o, a, theme) -> Themes.apply(theme, scene));
    }

    public void openCommandPalette() {
        palette.open();
    }

    public void closeCommandPalette() {
        palette.close();
    }

    /** The workspaces the signed-in person is shown, in navigation order. */
    private List<Workspace> shownWorkspaces() {
        return java.util.Arrays.stream(Workspace.values()).filter(w -> w.shownTo(model.roleProperty().get())).toList();
    }

    /** Every action the palette offers. */
    List<Command> commands() {
        List<Command> list = new ArrayList<>();
        for (Workspace w : shownWorkspaces()) {
            list.add(new Command(i18n.get("command.goTo", i18n.get(w.titleKey())), "Ctrl+" + (w.ordinal() + 1),
                    () -> goTo(w)));
        }
        for (Workspace w : shownWorkspaces()) {
            for (WorkspaceAction action : workspaces.get(w).actions()) {
                list.add(new Command(i18n.get("command.inWorkspace", i18n.get(w.titleKey()), action.title()), "",
                        () -> {
                            goTo(w);
                            if (model.workspaceProperty().get() == w) { // not refused for unsaved edits
                                action.run().run();
                            }
                        }));
            }
        }
        list.add(new Command(i18n.get(model.themeProperty().get() == Theme.DARK ? "command.lightTheme"
                : "command.darkTheme"), "", model::toggleTheme));
        list.add(new Command(i18n.get("command.refresh"), "F5", this::refresh));
        list.add(new Command(i18n.get("command.profiles"), "", this::openProfiles));
        if (model.personProperty().get() != null) {
            list.add(new Command(i18n.get("command.signOut", model.personProperty().get()), "", model::signOut));
        }
        for (var p : model.settingsProperty().get().profiles()) {
            list.add(new Command(i18n.get("command.switchTo", p.name()), "", () -> switchTo(p)));
        }
        list.add(new Command(i18n.get("command.openLink"), "", this::askForLink));
        if (sandbox.availableProperty().get()) {
            list.add(new Command(i18n.get("command.sandbox"), "", this::openSandbox));
        }
        list.add(new Command(i18n.get("command.about"), "", this::openAbout));
        list.add(new Command(i18n.get("command.openLogFolder"), "", openLogFolder));
        return list;
    }

    private Node header() {
        title.getStyleClass().add("title-3");
        title.setId("workspace-title");
        // The sidebar names the workspace; the title says it again only when the sidebar is a rail of icons.
        title.visibleProperty().bind(railed);
        title.managedProperty().bind(railed);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button paletteButton = Icons.button(AppIcon.COMMAND, i18n.get("command.palette") + " (Ctrl+K)");
        paletteButton.setOnAction(e -> palette.open());
        Button refresh = Icons.button(AppIcon.REFRESH, i18n.get("command.refresh") + " (F5)");
        refresh.setOnAction(e -> refresh());
        Button theme = Icons.button(AppIcon.THEME_DARK, i18n.get("command.toggleTheme"));
        theme.setId("toggle-theme");
        theme.setOnAction(e -> model.toggleTheme());
        model.themeProperty().addListener((o, a, t) ->
                theme.setGraphic(Icons.of(t == Theme.DARK ? AppIcon.THEME_LIGHT : AppIcon.THEME_DARK)));
        Button profiles = Icons.button(AppIcon.PROFILES, i18n.get("command.profiles"));
        profiles.setId("open-profiles");
        profiles.setOnAction(e -> openProfiles());
        Button aboutButton = Icons.button(AppIcon.ABOUT, i18n.get("command.about"));
        aboutButton.setId("open-about");
        aboutButton.setOnAction(e -> openAbout());
        // Admins of a sandbox only: a real backbone never offers it.
        Button sandboxButton = Icons.button(AppIcon.TIMELINE, i18n.get("command.sandbox"));
        sandboxButton.setId("open-sandbox");
        sandboxButton.visibleProperty().bind(sandbox.availableProperty());
        sandboxButton.managedProperty().bind(sandbox.availableProperty());
        sandboxButton.setOnAction(e -> openSandbox());
        HBox bar = new HBox(4, title, spacer, paletteButton, refresh, theme, profiles, sandboxButton, aboutButton);
        bar.getStyleClass().add("header-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Node navigation() {
        ToggleGroup group = new ToggleGroup();
        VBox nav = new VBox(4);
        nav.getStyleClass().add("navigation");
        // The sidebar folds to a rail of icons (each names itself in its tooltip) to give the tables its width.
        Button collapse = Icons.button(AppIcon.MENU, i18n.get("navigation.collapse"));
        collapse.setId("nav-collapse");
        collapse.setOnAction(e -> railed.set(!railed.get()));
        nav.getChildren().add(collapse);
        railed.addListener((o, a, rail) -> {
            nav.pseudoClassStateChanged(RAIL, rail);
            String what = i18n.get(rail ? "navigation.expand" : "navigation.collapse");
            collapse.getTooltip().setText(what);
            collapse.setAccessibleText(what);
            navButtons.values().forEach(b -> b.setContentDisplay(rail ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT));
        });
        for (Workspace w : Workspace.values()) {
            ToggleButton button = new ToggleButton(i18n.get(w.titleKey()), Icons.of(w.icon()));
            button.setId("nav-" + w.code());
            button.setToggleGroup(group);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setAlignment(Pos.CENTER_LEFT);
            button.setTooltip(new Tooltip(i18n.get(w.titleKey()) + " (Ctrl+" + (w.ordinal() + 1) + ")"));
            button.setOnAction(e -> {
                goTo(w);
                // Refused (unsaved changes kept): the pressed button follows the workspace shown.
                navButtons.get(model.workspaceProperty().get()).setSelected(true);
            });
            navButtons.put(w, button);
            nav.getChildren().add(button);
            // A workspace for admins only is not shown to anyone else (the server refuses them anyway).
            button.visibleProperty().bind(Bindings.createBooleanBinding(() -> w.shownTo(model.roleProperty().get()),
                    model.roleProperty()));
            button.managedProperty().bind(button.visibleProperty());
        }
        // A toggle group lets the user un-press the current button; keep it pressed.
        group.selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null && old != null) {
                old.setSelected(true);
            }
        });
        return nav;
    }

    /**
     * Where the workspace will be while a session opens: the one placeholder, saying the step under way,
     * or why it failed (Retry, copy the detail, or choose another profile), or asking for a token.
     */
    private Node startupOverlay() {
        Button profiles = new Button(i18n.get("command.profiles"), Icons.of(AppIcon.PROFILES));
        profiles.setOnAction(e -> openProfiles());
        Placeholder placeholder = new Placeholder(model.openingStatus(), model.needsTokenProperty(), i18n)
                .busyText(model.stepProperty()).failedAction(profiles);
        placeholder.setId("startup-message");

        PasswordField token = new PasswordField();
        token.setId("startup-token");
        token.setPromptText(i18n.get("startup.tokenPrompt"));
        token.setMaxWidth(360);
        Button useToken = new Button(i18n.get("startup.useToken"));
        useToken.setDefaultButton(true);
        useToken.disableProperty().bind(token.textProperty().isEmpty());
        useToken.setOnAction(e -> {
            model.submitToken(token.getText());
            token.clear();
        });
        HBox tokenRow = new HBox(8, token, useToken);
        tokenRow.setAlignment(Pos.CENTER);
        tokenRow.visibleProperty().bind(model.phaseProperty().isEqualTo(ShellViewModel.Phase.NEEDS_TOKEN));
        tokenRow.managedProperty().bind(tokenRow.visibleProperty());

        VBox box = new VBox(16, placeholder, tokenRow);
        box.setId("startup-overlay");
        box.getStyleClass().add("startup-overlay");
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(32));
        box.setMaxWidth(560);
        return box;
    }

    /**
     * Builds the workspace that will show first and styles and lays it out, hidden behind the start-up
     * message, while the session opens: when the session is ready it appears without that work still
     * to do. Call once the first frame is on screen.
     */
    public void prepareWorkspace() {
        if (model.phaseProperty().get() != ShellViewModel.Phase.READY) {
            Node node = workspaces.get(model.workspaceProperty().get()).node();
            node.setVisible(false);
            content.getChildren().setAll(node, startup);
        }
    }

    private void showWorkspace(Workspace w) {
        title.setText(i18n.get(w.titleKey()));
        navButtons.get(w).setSelected(true);
        if (model.phaseProperty().get() == ShellViewModel.Phase.READY) {
            Node node = workspaces.get(w).node();
            node.setVisible(true);
            if (content.getChildren().contains(node)) {
                content.getChildren().retainAll(node); // kept in the scene: not styled all over again
            } else {
                content.getChildren().setAll(node);
            }
        } else {
            content.getChildren().setAll(startup);
        }
    }

    /**
     * Builds every workspace not built yet (start-up builds only the one shown), one per call of
     * {@code later}, so that the first visit to each is instant and input is handled in between.
     */
    public void buildOtherWorkspaces(Consumer<Runnable> later) {
        for (Workspace w : Workspace.values()) {
            later.accept(() -> workspaces.get(w).node());
        }
    }

    /** The workspace's view, for screenshots. */
    public WorkspaceView workspaceView(Workspace w) {
        return workspaces.get(w);
    }

    /**
     * True when the window may close: nothing unsaved, or the user chose to discard it. Asks at most
     * once; the shell calls it on the window's close request.
     */
    public boolean confirmClose() {
        return mayLeave(model.workspaceProperty().get());
    }

    /** Switches workspace, unless the user keeps an unsaved edit in the current one. */
    private void goTo(Workspace target) {
        Workspace current = model.workspaceProperty().get();
        if (!target.shownTo(model.roleProperty().get())) {
            return;
        }
        if (target == current || mayLeave(current)) {
            model.selectWorkspace(target);
        }
    }

    private void switchTo(io.spineconsole.settings.ConnectionProfile profile) {
        if (mayLeaveAll()) {
            model.connect(profile);
        }
    }

    /** Opens a console link: its workspace (guarding unsaved edits), then the place it names. */
    private boolean openLink(ConsoleLink link) {
        Optional<Workspace> target = Workspace.fromCode(link.workspace());
        if (target.isEmpty() || model.phaseProperty().get() != ShellViewModel.Phase.READY) {
            return false;
        }
        Workspace current = model.workspaceProperty().get();
        if (target.get() != current && !mayLeave(current)) {
            return false;
        }
        model.selectWorkspace(target.get());
        return workspaces.get(target.get()).open(link);
    }

    private void askForLink() {
        javafx.scene.control.TextInputDialog dialog = new javafx.scene.control.TextInputDialog();
        dialog.initOwner(root.getScene().getWindow());
        dialog.setTitle(i18n.get("link.title"));
        dialog.setHeaderText(i18n.get("link.header"));
        dialog.getEditor().setId("open-link-text");
        dialog.getEditor().setPromptText(ConsoleLink.SCHEME + "://…");
        dialog.showAndWait().ifPresent(text -> {
            Optional<ConsoleLink> link = ConsoleLink.parse(text);
            if (link.isEmpty() || !openLink(link.get())) {
                javafx.scene.control.Alert alert = new javafx.scene.control.Alert(
                        javafx.scene.control.Alert.AlertType.WARNING, i18n.get("link.notOpened", text.strip()));
                alert.initOwner(root.getScene().getWindow());
                alert.setHeaderText(i18n.get("link.title"));
                alert.showAndWait();
            }
        });
    }

    private boolean mayLeaveAll() {
        return workspaces.keySet().stream().allMatch(this::mayLeave);
    }

    /** Asks whether to discard the workspace's unsaved changes, if it has any. */
    private boolean mayLeave(Workspace w) {
        Optional<String> unsaved = workspaces.get(w).unsavedChanges();
        if (unsaved.isEmpty()) {
            return true;
        }
        javafx.scene.control.ButtonType discard = new javafx.scene.control.ButtonType(i18n.get("unsaved.discard"),
                javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        javafx.scene.control.ButtonType keep = new javafx.scene.control.ButtonType(i18n.get("unsaved.keep"),
                javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(
                javafx.scene.control.Alert.AlertType.CONFIRMATION, unsaved.get(), discard, keep);
        alert.initOwner(root.getScene().getWindow());
        alert.setTitle(i18n.get("unsaved.title"));
        alert.setHeaderText(i18n.get("unsaved.header", i18n.get(w.titleKey())));
        alert.getDialogPane().setId("unsaved-dialog");
        return alert.showAndWait().filter(discard::equals).isPresent();
    }

    private void refresh() {
        alertFeed.refresh();
        workspaces.get(model.workspaceProperty().get()).refresh();
    }

    private void openProfiles() {
        new ProfilesDialog(root.getScene().getWindow(), model, i18n).choose().ifPresent(this::switchTo);
    }

    private void openSandbox() {
        sandbox.refresh();
        new SandboxDialog(root.getScene().getWindow(), sandbox, i18n).show();
    }

    private void openAbout() {
        new AboutDialog(root.getScene().getWindow(), about, model, openLogFolder, i18n).show();
    }
}
