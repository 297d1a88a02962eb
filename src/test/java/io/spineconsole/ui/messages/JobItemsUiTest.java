package io.spineconsole.ui.messages;

import io.spineconsole.domain.Role;
import io.spineconsole.domain.messages.JobState;
import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.messages.MessageSummary;
import io.spineconsole.domain.messages.RedeliveryItemOutcome;
import io.spineconsole.domain.messages.RedeliveryJob;
import io.spineconsole.domain.messages.RedeliveryJobItem;
import io.spineconsole.domain.messages.RedeliveryProgress;
import io.spineconsole.settings.Preferences;
import io.spineconsole.testing.FakeBackboneApi;
import io.spineconsole.testing.FakeMessagesApi;
import io.spineconsole.testing.Screenshots;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.ManualDebouncer;
import io.spineconsole.ui.common.Navigator;
import io.spineconsole.ui.common.Themes;
import io.spineconsole.ui.common.UiExecutor;
import io.spineconsole.ui.common.ViewMemory;
import io.spineconsole.ui.common.WorkspaceServices;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A redelivery job's items say which message each is, as the message list does: its interaction by
 * name and its From and To as organisations, with its outcome; the message id is not what is shown.
 */
class JobItemsUiTest {
    private static final FxRobot robot = new FxRobot();
    private static Stage stage;

    @BeforeAll
    static void boot() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aJobsItemsShowTheMessageAndItsPartiesByNameNotItsId() throws Exception {
        FakeMessagesApi api = new FakeMessagesApi();
        MessageSummary plain = FakeMessagesApi.summary(MessageStatus.NACKED);
        MessageSummary message = plain.withParties(plain.from().withName("Leeds Teaching Hospitals NHS Trust"),
                plain.to().withName("Beech House Surgery"));
        RedeliveryJob job = new RedeliveryJob(UUID.randomUUID(), "Receiver certificate renewed (INC0093311)", true, 10,
                10_000, 1, null, false, new RedeliveryProgress(JobState.COMPLETED, 1, 1, 0, 0, 0), FakeMessagesApi.NOW,
                FakeMessagesApi.NOW, null, null, 1, FakeMessagesApi.NOW, "Tester", FakeMessagesApi.NOW, "Tester");
        api.jobs.add(job);
        api.jobItems.put(job.id(), List.of(new RedeliveryJobItem(message.messageId(), null,
                RedeliveryItemOutcome.WOULD_REDELIVER, null, FakeMessagesApi.NOW).about(message)));
        I18n i18n = new I18n(Locale.UK);
        FxToolkit.setupStage(s -> {
            WorkspaceServices services = new WorkspaceServices(new UiExecutor(Platform::runLater), i18n, new Navigator(),
                    ViewMemory.inMemory(), Clock.fixed(FakeMessagesApi.NOW, ZoneOffset.UTC));
            MessageFlowViewModel flow = new MessageFlowViewModel(services, ManualDebouncer::new);
            flow.connect(TestServices.context(new FakeBackboneApi(Role.OPERATOR, api), Role.OPERATOR));
            Scene scene = new Scene(new JobsView(flow, () -> null, j -> null), 1280, 720);
            Themes.apply(Preferences.Theme.LIGHT, scene);
            s.setScene(scene);
            s.show();
            flow.jobs().load();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !jobRows().isEmpty());
        robot.clickOn(jobRows().get(0));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> cellTexts().stream()
                .anyMatch(t -> t.startsWith("Leeds Teaching Hospitals NHS Trust")));

        List<String> shown = cellTexts();
        assertTrue(shown.contains("Summary Care Record upload · REPC_IN150016UK05"), "the interaction by name: " + shown);
        assertTrue(shown.contains("Leeds Teaching Hospitals NHS Trust · RR8-0000806"), "From as an organisation: " + shown);
        assertTrue(shown.contains("Beech House Surgery · A81001-821870"), "To as an organisation: " + shown);
        assertTrue(shown.contains("Would redeliver"), "the outcome: " + shown);
        String id = message.displayId();
        assertFalse(shown.stream().anyMatch(t -> t.contains(id) || t.contains(id.toLowerCase(Locale.ROOT))),
                "the message id is not what the table shows: " + shown);
        picture("messages-job-items-light");
        FxToolkit.setupFixture(() -> Themes.apply(Preferences.Theme.DARK, stage.getScene()));
        WaitForAsyncUtils.waitForFxEvents();
        picture("messages-job-items-dark");
    }

    private static void picture(String name) throws Exception {
        FxToolkit.setupFixture(() -> {
            try {
                Screenshots.write(stage.getScene(), name);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static TableView<Object> table(String id) {
        return robot.lookup(id).queryAs(TableView.class);
    }

    /** The jobs table's first row (looked up on the FX thread). */
    private static List<Node> jobRows() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> table("#messages-jobs-table").lookupAll(".table-row-cell").stream()
                .filter(n -> ((TableRow<?>) n).getIndex() == 0 && ((TableRow<?>) n).getItem() != null)
                .map(n -> (Node) n).toList()).get();
    }

    /** The text of every visible cell of the job's items table (looked up on the FX thread). */
    private static List<String> cellTexts() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> table("#messages-job-items").lookupAll(".table-cell").stream()
                .filter(Node::isVisible).filter(n -> ((IndexedCell<?>) n).getIndex() >= 0)
                .map(n -> ((TableCell<?, ?>) n).getText()).filter(t -> t != null && !t.isEmpty()).toList()).get();
    }
}
