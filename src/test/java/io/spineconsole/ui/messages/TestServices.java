package io.spineconsole.ui.messages;

import io.spineconsole.api.BackboneApi;
import io.spineconsole.domain.Principal;
import io.spineconsole.domain.Role;
import io.spineconsole.settings.EnvironmentKind;
import io.spineconsole.testing.FakeMessagesApi;
import io.spineconsole.ui.common.ConsoleLink;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Navigator;
import io.spineconsole.ui.common.UiExecutor;
import io.spineconsole.ui.common.ViewMemory;
import io.spineconsole.ui.common.WorkspaceContext;
import io.spineconsole.ui.common.WorkspaceServices;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the view-model tests build with: results on the calling thread, a fixed clock, memory in RAM. */
final class TestServices {
    final I18n i18n = new I18n(Locale.UK);
    final Clock clock = Clock.fixed(FakeMessagesApi.NOW, ZoneOffset.UTC);
    final UiExecutor ui = new UiExecutor(Runnable::run);
    final ViewMemory memory = ViewMemory.inMemory();
    final Navigator navigator = new Navigator();
    final List<ConsoleLink> navigated = new ArrayList<>();
    final MessageText text = new MessageText(i18n, clock);

    TestServices() {
        navigator.setTarget(link -> {
            navigated.add(link);
            return true;
        });
    }

    WorkspaceServices services() {
        return new WorkspaceServices(ui, i18n, navigator, memory, clock);
    }

    static WorkspaceContext context(BackboneApi api, Role role) {
        return new WorkspaceContext(api, new Principal("Tester", role, 1), "profile-a", "Sandbox", EnvironmentKind.SANDBOX);
    }

    static WorkspaceContext context(BackboneApi api, Role role, String profileId, EnvironmentKind kind) {
        return new WorkspaceContext(api, new Principal("Tester", role, 1), profileId, "Live service", kind);
    }
}
