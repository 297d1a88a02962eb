package io.spineconsole.ui.registrations;

import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Showcase;

import java.util.List;
import java.util.concurrent.Executor;

/** The workspace's states worth a screenshot (see {@code --screenshot}). */
final class RegistrationsShowcases {
    private RegistrationsShowcases() {
    }

    static List<Showcase> of(RegistrationsView view, RegistrationsViewModel model, I18n i18n, Executor files) {
        return List.of();
    }
}
