package io.spineconsole.ui.shell;

import io.spineconsole.domain.ServerHealth;
import io.spineconsole.platform.BuildInfo;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.ErrorRow;
import io.spineconsole.ui.common.Grids;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Versions (the console's and the server's, and the API version each speaks), the server's store (its size
 * on disk and how long it keeps messages), where settings and logs live with a button to copy each path, and
 * a button that opens the log folder.
 */
final class AboutDialog extends Alert {
    private final GridPane grid = new GridPane();
    private final I18n i18n;
    private int row;

    AboutDialog(Window owner, AboutInfo info, ShellViewModel shell, Runnable openLogFolder, I18n i18n) {
        super(AlertType.INFORMATION, "", ButtonType.CLOSE);
        this.i18n = i18n;
        initOwner(owner);
        setTitle(i18n.get("about.title"));
        setHeaderText(BuildInfo.NAME + " " + info.appVersion());
        grid.setHgap(12);
        grid.setVgap(6);
        grid.getColumnConstraints().addAll(Grids.labelColumn(), Grids.growingColumn());
        fact(i18n.get("about.java"), info.javaVersion(), false);
        fact(i18n.get("about.javafx"), info.javafxVersion(), false);
        fact(i18n.get("about.os"), info.os(), false);
        fact(i18n.get("about.consoleApi"), ShellViewModel.CONSOLE_API_VERSION, false);
        fact(i18n.get("about.server"), shell.serverUrl().isEmpty() ? "—" : shell.serverUrl(), !shell.serverUrl().isEmpty());
        Label serverVersion = fact(i18n.get("about.serverVersion"), i18n.get("about.server.reading"), false);
        serverVersion.setId("about-server-version");
        Label serverApi = fact(i18n.get("about.serverApi"), "", false);
        serverApi.setId("about-server-api");
        Label mode = fact(i18n.get("about.serverMode"), "", false);
        Label store = fact(i18n.get("about.store"), "", false);
        store.setId("about-store");
        fact(i18n.get("about.settings"), info.settingsFile().toString(), true);
        fact(i18n.get("about.tokens"), shell.secretStoreDescription(), false);
        fact(i18n.get("about.logs"), info.logFolder().toString(), true);
        shell.serverHealth(h -> showServer(h, serverVersion, serverApi, mode, store), reason -> serverVersion.setText(reason));

        Button open = new Button(i18n.get("about.openLogFolder"), Icons.of(AppIcon.FOLDER));
        open.setId("open-log-folder");
        open.setMinWidth(Region.USE_PREF_SIZE);
        open.setOnAction(e -> openLogFolder.run());
        getDialogPane().setContent(new VBox(12, grid, open));
        getDialogPane().setMinWidth(680);
        getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
    }

    private void showServer(ServerHealth h, Label version, Label api, Label mode, Label store) {
        version.setText(nz(h.version()));
        api.setText(ShellViewModel.CONSOLE_API_VERSION.equals(h.apiVersion()) ? nz(h.apiVersion())
                : i18n.get("about.serverApi.differs", nz(h.apiVersion()), ShellViewModel.CONSOLE_API_VERSION));
        mode.setText(i18n.get("about.serverMode.value", nz(h.mode()), nz(h.database())));
        store.setText(AboutInfo.storeLine(h.store(), i18n));
    }

    private static String nz(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    /** One line: its name and value, the value wrapping; {@code copyable} adds a button that copies it. */
    private Label fact(String name, String value, boolean copyable) {
        Label n = new Label(name);
        n.setMinWidth(Region.USE_PREF_SIZE);
        Label v = new Label(value);
        v.setWrapText(true);
        v.setMinHeight(Region.USE_PREF_SIZE);
        HBox cell = new HBox(6, v);
        HBox.setHgrow(v, Priority.ALWAYS);
        if (copyable) {
            Button copy = Icons.button(AppIcon.COPY, i18n.get("about.copy", name));
            copy.setOnAction(e -> ErrorRow.copyToClipboard(value));
            cell.getChildren().add(copy);
        }
        grid.addRow(row++, n, cell);
        return v;
    }
}
