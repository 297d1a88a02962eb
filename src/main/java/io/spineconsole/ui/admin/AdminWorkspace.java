package io.spineconsole.ui.admin;

import io.spineconsole.ui.common.ConsoleLink;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.LoadState;
import io.spineconsole.ui.common.Navigator;
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
 * The administration workspace, for admins only: who holds which token, and the audit log across
 * every area. The shell shows it only to
 * an admin; signed in with another role it shows a sentence saying so, and the server refuses its
 * calls anyway.
 */
public final class AdminWorkspace implements WorkspaceView {
    private final TokensViewModel tokens;
    private final AuditBrowserViewModel audit;
    private final Tab tokenTab;
    private final Tab auditTab;
    private final StackPane root = new StackPane();
    private final TabPane tabs = new TabPane();
    private final Label notAdmin;

    private AdminWorkspace(TokensViewModel tokens, AuditBrowserViewModel audit, I18n i18n, TimeText time,
                           Navigator navigator) {
        this.tokens = tokens;
        this.audit = audit;
        tokenTab = new Tab(i18n.get("admin.tokens.title"), new TokensView(tokens, i18n, time).node());
        tokenTab.setClosable(false);
        tokenTab.setId("admin-tab-tokens");
        auditTab = new Tab(i18n.get("admin.audit.title"), new AuditBrowserView(audit, i18n, time, navigator).node());
        auditTab.setClosable(false);
        auditTab.setId("admin-tab-audit");
        tabs.getTabs().addAll(tokenTab, auditTab);
        notAdmin = new Label(i18n.get("admin.notAdmin"));
        notAdmin.getStyleClass().add("placeholder-text");
        notAdmin.setId("admin-not-admin");
        root.getChildren().setAll(notAdmin);
        root.setId("admin-workspace");
    }

    public static AdminWorkspace create(WorkspaceServices services) {
        TimeText time = new TimeText(services.clock(), services.i18n(), TimeText.UK);
        return new AdminWorkspace(new TokensViewModel(services.ui(), services.i18n(), services.clock(), TimeText.UK),
                new AuditBrowserViewModel(services.ui(), services.i18n(), TimeText.UK), services.i18n(), time,
                services.navigator());
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void connect(WorkspaceContext context) {
        tokens.connect(context);
        audit.connect(context);
        root.getChildren().setAll(tokens.available() ? tabs : notAdmin);
        if (tokens.available()) {
            audit.search();
        }
    }

    @Override
    public void refresh() {
        tokens.load();
        if (tabs.getSelectionModel().getSelectedItem() == auditTab) {
            audit.search();
        }
    }

    @Override
    public void dispose() {
        tokens.dispose();
        audit.dispose();
    }

    /**
     * {@code admin/tokens}, or {@code admin/audit} with optional {@code type} and {@code id}: the
     * audit browser filtered to one record's history.
     */
    @Override
    public boolean open(ConsoleLink link) {
        if (!tokens.available()) {
            return false;
        }
        if (link.path().equals("tokens")) {
            tabs.getSelectionModel().select(tokenTab);
            return true;
        }
        if (link.path().equals("audit")) {
            tabs.getSelectionModel().select(auditTab);
            audit.showRecord(link.param("type").orElse(null), link.param("id").orElse(null));
            return true;
        }
        return false;
    }

    @Override
    public List<Showcase> showcases() {
        return List.of(new Showcase("audit", () -> {
            tabs.getSelectionModel().select(auditTab);
            audit.search();
        }, () -> audit.stateProperty().get() == LoadState.LOADED && audit.selectedProperty().get() != null,
                () -> tabs.getSelectionModel().select(tokenTab)));
    }

    TokensViewModel tokens() {
        return tokens;
    }

    AuditBrowserViewModel audit() {
        return audit;
    }

    TabPane tabs() {
        return tabs;
    }
}
