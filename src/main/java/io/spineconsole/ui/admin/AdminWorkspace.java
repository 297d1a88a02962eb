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
 * The administration workspace, for admins only: who holds which token, the audit log across
 * every area, and the alert rules. The shell shows it only to
 * an admin; signed in with another role it shows a sentence saying so, and the server refuses its
 * calls anyway.
 */
public final class AdminWorkspace implements WorkspaceView {
    private final TokensViewModel tokens;
    private final AuditBrowserViewModel audit;
    private final AlertRulesViewModel alertRules;
    private final Tab tokenTab;
    private final Tab auditTab;
    private final Tab rulesTab;
    private final StackPane root = new StackPane();
    private final TabPane tabs = new TabPane();
    private final Label notAdmin;
    private final I18n i18n;

    private AdminWorkspace(TokensViewModel tokens, AuditBrowserViewModel audit, AlertRulesViewModel alertRules,
                           I18n i18n, TimeText time, Navigator navigator) {
        this.tokens = tokens;
        this.audit = audit;
        this.alertRules = alertRules;
        tokenTab = new Tab(i18n.get("admin.tokens.title"), new TokensView(tokens, i18n, time).node());
        tokenTab.setClosable(false);
        tokenTab.setId("admin-tab-tokens");
        auditTab = new Tab(i18n.get("admin.audit.title"), new AuditBrowserView(audit, i18n, time, navigator).node());
        auditTab.setClosable(false);
        auditTab.setId("admin-tab-audit");
        rulesTab = new Tab(i18n.get("alerts.rules.title"), new AlertRulesView(alertRules, i18n).node());
        rulesTab.setClosable(false);
        rulesTab.setId("admin-tab-alert-rules");
        tabs.getTabs().addAll(tokenTab, auditTab, rulesTab);
        this.i18n = i18n;
        notAdmin = new Label(i18n.get("admin.notAdmin"));
        notAdmin.getStyleClass().add("placeholder-text");
        notAdmin.setId("admin-not-admin");
        root.getChildren().setAll(notAdmin);
        root.setId("admin-workspace");
    }

    public static AdminWorkspace create(WorkspaceServices services) {
        TimeText time = new TimeText(services.clock(), services.i18n(), TimeText.UK);
        return new AdminWorkspace(new TokensViewModel(services.ui(), services.i18n(), services.clock(), TimeText.UK),
                new AuditBrowserViewModel(services.ui(), services.i18n(), TimeText.UK),
                new AlertRulesViewModel(services.ui(), services.i18n(), time), services.i18n(), time,
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
        alertRules.connect(context);
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
        alertRules.load();
    }

    @Override
    public void dispose() {
        tokens.dispose();
        audit.dispose();
        alertRules.dispose();
    }

    @Override
    public java.util.Optional<String> unsavedChanges() {
        return alertRules.unsavedChanges();
    }

    @Override
    public List<io.spineconsole.ui.common.WorkspaceAction> actions() {
        return List.of(new io.spineconsole.ui.common.WorkspaceAction(i18n.get("alerts.rules.title"),
                () -> tabs.getSelectionModel().select(rulesTab)));
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
        if (link.path().equals("alert-rules")) {
            tabs.getSelectionModel().select(rulesTab);
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
                () -> tabs.getSelectionModel().select(tokenTab)),
                new Showcase("alert-rules", this::showRuleProblems,
                        () -> alertRules.status().state() != LoadState.LOADING, () -> {
                            alertRules.newRule();
                            tabs.getSelectionModel().select(tokenTab);
                        }));
    }

    /** The rules editor with a new rule typed wrong, so that its field errors show. */
    private void showRuleProblems() {
        tabs.getSelectionModel().select(rulesTab);
        alertRules.newRule();
        AlertRuleForm f = alertRules.form();
        f.name().valueProperty().set(i18n.get("alerts.rules.showcase.name"));
        f.scopeProperty().set(io.spineconsole.domain.alerts.AlertScope.ORGANISATION);
        f.target().valueProperty().set("leeds");
        f.figure(io.spineconsole.domain.alerts.AlertThreshold.WINDOW_MINUTES).valueProperty().set("2");
        f.figure(io.spineconsole.domain.alerts.AlertThreshold.RECOVERY_RATE_PERCENT).valueProperty().set("30");
    }

    AlertRulesViewModel alertRules() {
        return alertRules;
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
