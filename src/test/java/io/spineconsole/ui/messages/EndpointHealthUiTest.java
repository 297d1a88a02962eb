package io.spineconsole.ui.messages;

import io.spineconsole.app.ConsoleFixture;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.messages.EndpointHealth;
import io.spineconsole.domain.messages.MessageStatuses;
import io.spineconsole.domain.messages.MessageSummary;
import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.settings.EnvironmentKind;
import io.spineconsole.testing.Screenshots;
import javafx.scene.Node;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On the real console against a seeded sandbox: the endpoint health tab lists receivers worst first,
 * and double-clicking a row's failed count opens the search on that receiver's failed messages.
 * Pictures, light and dark, go to {@code -Dscreenshots.dir}.
 */
class EndpointHealthUiTest {
    private static SandboxFixture sandbox;
    private static ConsoleFixture console;
    private static FxRobot robot;

    @BeforeAll
    static void boot() throws Exception {
        sandbox = SandboxFixture.start();
        String token = sandbox.backbone().tokens().create("support-" + UUID.randomUUID(), Role.VIEWER);
        console = ConsoleFixture.against(sandbox.baseUrl(), token, EnvironmentKind.SANDBOX);
        robot = console.robot();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        console.waitFor("#messages-find", TextField.class);
    }

    @AfterAll
    static void close() throws Exception {
        if (console != null) {
            console.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void theWorstReceiversComeFirstAndTheirFailedCountOpensTheirFailures() throws Exception {
        robot.clickOn("#messages-tab-health");
        @SuppressWarnings("unchecked")
        TableView<EndpointHealth> table = robot.lookup("#messages-health-table").queryAs(TableView.class);
        // A day, so the seeded history's failures are in the window.
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#messages-health-window").queryComboBox().getSelectionModel()
                .select(TimeRange.LAST_24_HOURS)).get();
        console.waitUntil(20, () -> !table.getItems().isEmpty()
                && console.text("#messages-health-count").contains("receivers"));
        List<EndpointHealth> rows = WaitForAsyncUtils.asyncFx(() -> List.copyOf(table.getItems())).get();
        EndpointHealth worst = rows.get(0);
        assertTrue(worst.failed() > 0, "the seeded history has a receiver in trouble: " + worst);
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i - 1).inTrouble() >= rows.get(i).inTrouble(), "worst first, row " + i);
        }
        // The rows are drawn on the next pulse after they arrive.
        console.waitUntil(10, () -> find(0, "Failed") != null && find(0, "Failed").getText() != null);
        String shownFailed = cell(0, "Failed").getText();
        assertEquals(String.format(java.util.Locale.UK, "%,d", worst.failed()), shownFailed,
                "the first row shows the worst receiver's failures");
        assertTrue(cell(0, "Receiver").getText().contains(worst.partyKey()), "the row names the receiver");

        Screenshots.inBothThemes(console.stage().getScene(), "endpoint-health");

        robot.doubleClickOn(cell(0, "Failed"));
        // The search answers with the receiver's failed messages only (until then it shows the rows it had).
        console.waitUntil(20, () -> WaitForAsyncUtils.asyncFx(() -> {
            List<MessageSummary> found = List.copyOf(searchResults().getItems());
            return robot.lookup("#messages-tab-search").query().isVisible() && !found.isEmpty()
                    && found.stream().allMatch(m -> MessageStatuses.isFailed(m.status())
                    && worst.endpointId().equals(m.endpointId()));
        }).get());
        String statuses = WaitForAsyncUtils.asyncFx(() -> robot.lookup("#messages-filter-status")
                .queryAs(javafx.scene.control.MenuButton.class).getText()).get();
        assertFalse(statuses.isBlank(), "the status filter shows what was chosen");
    }

    @SuppressWarnings("unchecked")
    private static TableView<MessageSummary> searchResults() {
        return robot.lookup("#messages-results").queryAs(TableView.class);
    }

    /** The cell of row {@code index} in the column titled {@code column}, looked up on the FX thread. */
    private static TableCell<?, ?> cell(int index, String column) throws Exception {
        TableCell<?, ?> c = find(index, column);
        if (c == null) {
            throw new AssertionError("no cell " + column + " in row " + index);
        }
        return c;
    }

    private static TableCell<?, ?> find(int index, String column) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            for (Node n : robot.lookup("#messages-health-table .table-cell").queryAll()) {
                TableCell<?, ?> c = (TableCell<?, ?>) n;
                if (c.getTableColumn() != null && column.equals(c.getTableColumn().getText())
                        && c.getTableRow() != null && ((IndexedCell<?>) c.getTableRow()).getIndex() == index) {
                    return c;
                }
            }
            return (TableCell<?, ?>) null;
        }).get();
    }
}
