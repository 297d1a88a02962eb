package io.spineconsole.ui.migration;

import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the exported report goes: the user picks a file (the default), or a test names one. The
 * console never writes anywhere the user (or the test) did not choose.
 */
@FunctionalInterface
public interface ReportDestination {
    /** The file to write, or empty when the user cancelled. */
    Optional<Path> choose(Window owner, String suggestedName, String title, String filterName);

    /** A save dialog filtered to HTML files. */
    static ReportDestination fileChooser() {
        return (owner, suggestedName, title, filterName) -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.setInitialFileName(suggestedName);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(filterName, "*.html", "*.htm"));
            return Optional.ofNullable(chooser.showSaveDialog(owner)).map(java.io.File::toPath);
        };
    }
}
