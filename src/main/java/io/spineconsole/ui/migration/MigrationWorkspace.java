package io.spineconsole.ui.migration;

import io.spineconsole.api.BackboneApi;
import io.spineconsole.domain.migration.MigrationSummary;
import io.spineconsole.ui.common.FxDebouncer;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.SummaryViewModel;
import io.spineconsole.ui.common.Tile;
import io.spineconsole.ui.common.UiExecutor;
import io.spineconsole.ui.common.WorkspaceServices;
import io.spineconsole.ui.common.WorkspaceView;

import java.text.NumberFormat;
import java.util.List;

/** The programme lead's workspace: what is left on premises, what blocks it, proof a site can go. */
public final class MigrationWorkspace {
    private MigrationWorkspace() {
    }

    public static WorkspaceView create(WorkspaceServices services) {
        return create(services, ReportDestination.fileChooser());
    }

    /** @param destination where an exported report goes (a save dialog; a test names a file) */
    public static MigrationView create(WorkspaceServices services, ReportDestination destination) {
        UiExecutor ui = services.ui();
        I18n i18n = services.i18n();
        SummaryViewModel<MigrationSummary> summary =
                new SummaryViewModel<>(BackboneApi::migrationSummary, s -> tiles(s, i18n), ui, i18n);
        MigrationViewModel model = new MigrationViewModel(ui, i18n, services.memory(), services.time(),
                FxDebouncer.factory(FxDebouncer.TYPE_AHEAD));
        return new MigrationView(model, summary, services.navigator(), destination);
    }

    static List<Tile> tiles(MigrationSummary s, I18n i18n) {
        NumberFormat n = NumberFormat.getIntegerInstance(i18n.locale());
        return List.of(
                new Tile(i18n.get("migration.components"), n.format(s.components()), "", ""),
                new Tile(i18n.get("migration.onPremises"), n.format(s.onPremises()),
                        i18n.get("migration.onPremisesCaption"), s.onPremises() > 0 ? "warning" : "ok"),
                new Tile(i18n.get("migration.cutOver"), n.format(s.cutOver()), "", ""),
                new Tile(i18n.get("migration.decommissioned"), n.format(s.decommissioned()), "", ""),
                new Tile(i18n.get("migration.blocked"), n.format(s.blocked()),
                        i18n.get("migration.blockedCaption"), s.blocked() > 0 ? "danger" : "ok"),
                new Tile(i18n.get("migration.dataCentres"), n.format(s.dataCentresOpen()),
                        i18n.get("migration.dataCentresCaption", s.sites()), ""));
    }
}
