package io.spineconsole.ui.admin;

import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Showcase;
import io.spineconsole.ui.common.TimeText;
import io.spineconsole.ui.common.WorkspaceContext;
import io.spineconsole.ui.common.WorkspaceServices;
import io.spineconsole.ui.common.WorkspaceView;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;

import java.util.List;

/**
 * The administration workspace, for admins only: who holds which token. The shell shows it only to
 * an admin; signed in with another role it shows a sentence saying so, and the server refuses its
 * calls anyway.
 */
public final class AdminWorkspace implements WorkspaceView {
    private final TokensViewModel tokens;
    private final StackPane root = new StackPane();
    private final TabPane tabs = new TabPane();
    private final Label notAdmin;

    private AdminWorkspace(TokensViewModel tokens, I18n i18n, TimeText time) {
        this.tokens = tokens;
        Tab tokenTab = new Tab(i18n.get("admin.tokens.title"), new TokensView(tokens, i18n, time).node());
        tokenTab.setClosable(false);
        tokenTab.setId("admin-tab-tokens");
        tabs.getTabs().add(tokenTab);
        notAdmin = new Label(i18n.get("admin.notAdmin"));
        notAdmin.getStyleClass().add("placeholder-text");
        notAdmin.setId("admin-not-admin");
        root.getChildren().setAll(notAdmin);
        root.setId("admin-workspace");
    }

    public static AdminWorkspace create(WorkspaceServices services) {
        TimeText time = new TimeText(services.clock(), services.i18n(), TimeText.UK);
        return new AdminWorkspace(new TokensViewModel(services.ui(), services.i18n(), services.clock(), TimeText.UK),
                services.i18n(), time);
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void connect(WorkspaceContext context) {
        tokens.connect(context);
        root.getChildren().setAll(tokens.available() ? tabs : notAdmin);
    }

    @Override
    public void refresh() {
        tokens.load();
    }

    @Override
    public void dispose() {
        tokens.dispose();
    }

    @Override
    public List<Showcase> showcases() {
        return List.of();
    }

    TokensViewModel tokens() {
        return tokens;
    }
}
