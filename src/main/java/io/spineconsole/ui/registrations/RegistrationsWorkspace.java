package io.spineconsole.ui.registrations;

import io.spineconsole.api.BackboneApi;
import io.spineconsole.domain.RegistrationSummary;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.SummaryViewModel;
import io.spineconsole.ui.common.SummaryWorkspaceView;
import io.spineconsole.ui.common.Tile;
import io.spineconsole.ui.common.UiExecutor;
import io.spineconsole.ui.common.WorkspaceServices;
import io.spineconsole.ui.common.WorkspaceView;

import java.text.NumberFormat;
import java.util.List;

/** The registration admin's workspace: organisations, accredited systems and endpoints. */
public final class RegistrationsWorkspace {
    private RegistrationsWorkspace() {
    }

    public static WorkspaceView create(WorkspaceServices services) {
        UiExecutor ui = services.ui();
        I18n i18n = services.i18n();
        SummaryViewModel<RegistrationSummary> model =
                new SummaryViewModel<>(BackboneApi::registrationSummary, s -> tiles(s, i18n), ui, i18n);
        return new SummaryWorkspaceView("registrations-workspace", i18n.get("registrations.intro"), model, i18n);
    }

    static List<Tile> tiles(RegistrationSummary s, I18n i18n) {
        NumberFormat n = NumberFormat.getIntegerInstance(i18n.locale());
        return List.of(
                new Tile(i18n.get("registrations.organisations"), n.format(s.organisations()), "", ""),
                new Tile(i18n.get("registrations.systems"), n.format(s.accreditedSystems()), "", ""),
                new Tile(i18n.get("registrations.endpoints"), n.format(s.endpoints()), "", ""),
                new Tile(i18n.get("registrations.expiring"), n.format(s.certificatesExpiringIn30Days()),
                        i18n.get("registrations.expiringCaption"),
                        s.certificatesExpiringIn30Days() > 0 ? "warning" : "ok"));
    }
}
