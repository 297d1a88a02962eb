package io.spineconsole.ui.shell;

import io.spineconsole.platform.BuildInfo;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.Grids;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Versions, where settings and logs live, and a button that opens the log folder. */
final class AboutDialog extends Alert {

    AboutDialog(Window owner, AboutInfo info, String secretStore, Runnable openLogFolder, I18n i18n) {
        super(AlertType.INFORMATION, "", ButtonType.CLOSE);
        initOwner(owner);
        setTitle(i18n.get("about.title"));
        setHeaderText(BuildInfo.NAME + " " + info.appVersion());
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        grid.getColumnConstraints().addAll(Grids.labelColumn(), Grids.growingColumn());
        String[][] rows = {
                {i18n.get("about.java"), info.javaVersion()},
                {i18n.get("about.javafx"), info.javafxVersion()},
                {i18n.get("about.os"), info.os()},
                {i18n.get("about.settings"), info.settingsFile().toString()},
                {i18n.get("about.tokens"), secretStore},
                {i18n.get("about.logs"), info.logFolder().toString()},
        };
        for (int i = 0; i < rows.length; i++) {
            Label value = new Label(rows[i][1]);
            value.setWrapText(true);
            grid.addRow(i, new Label(rows[i][0]), value);
        }
        Button open = new Button(i18n.get("about.openLogFolder"), Icons.of(AppIcon.FOLDER));
        open.setId("open-log-folder");
        open.setOnAction(e -> openLogFolder.run());
        getDialogPane().setContent(new VBox(12, grid, open));
        getDialogPane().setMinWidth(680);
    }
}
