package io.spineconsole.ui.messages;

import io.spineconsole.app.ConsoleFixture;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.messages.MessageSearch;
import io.spineconsole.domain.messages.MessageSummary;
import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.settings.EnvironmentKind;
import io.spineconsole.testing.Screenshots;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On the real console against a sandbox (its threshold lowered to 1,000 rows, as its store is small):
 * typing an ODS code shows, under the filters, that the search uses the ODS indexes; clearing it again
 * would read the whole day, so the search is held with a warning and "Run anyway", which runs it; a
 * narrower window then runs by itself. Pictures, light and dark, go to {@code -Dscreenshots.dir}.
 */
class SearchPlanUiTest {
    private static SandboxFixture sandbox;
    private static ConsoleFixture console;
    private static FxRobot robot;
    private static long threshold;

    @BeforeAll
    static void boot() throws Exception {
        sandbox = SandboxFixture.start();
        // A threshold between what the last hour and the last day read on this store (its statistics decide both).
        Instant now = Instant.now();
        long hour = reads(now.minus(Duration.ofHours(1)), now);
        long day = reads(now.minus(Duration.ofHours(24)), now);
        assertTrue(day > 2 * hour, "the last day reads more than the last hour: " + day + " against " + hour);
        threshold = (hour + day) / 2;
        sandbox.backbone().messages().plans().setReadThreshold(threshold);
        String token = sandbox.backbone().tokens().create("support-" + UUID.randomUUID(), Role.VIEWER);
        console = ConsoleFixture.against(sandbox.baseUrl(), token, EnvironmentKind.SANDBOX);
        robot = console.robot();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        console.waitFor("#messages-find", TextField.class);
    }

    private static long reads(Instant from, Instant to) {
        return sandbox.backbone().messages().plans().plan(MessageSearch.all().withWindow(from, to), to).rowsToRead();
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
    void theCostShowsAsYouTypeAndACostlySearchWaitsForRunAnyway() throws Exception {
        TableView<MessageSummary> results = results();
        @SuppressWarnings("unchecked")
        ComboBox<TimeRange> range = robot.lookup("#messages-filter-range").queryAs(ComboBox.class);
        TextField odsField = robot.lookup("#messages-filter-ods").queryAs(TextField.class);
        // The console reopens the last search it ran (perhaps an earlier test's, with filters of its own, a site or a
        // party key among them): clear every filter, then start from the last hour.
        robot.clickOn("#messages-search-clear");
        WaitForAsyncUtils.asyncFx(() -> range.getSelectionModel().select(TimeRange.LAST_HOUR)).get();
        // A sender of the last hour, read in the same look as the rows are seen (a reload may empty them between looks).
        AtomicReference<String> sender = new AtomicReference<>();
        console.waitUntil(20, () -> console.text("#messages-search-count").contains("last hour")
                && !console.text("#messages-plan-hint").isEmpty() && WaitForAsyncUtils.asyncFx(() -> {
                    if (!results.getItems().isEmpty()) {
                        sender.set(results.getItems().get(0).from().odsCode());
                    }
                    return sender.get() != null;
                }).get());
        assertFalse(visible("#messages-plan-held"), "the last hour is cheap");
        String ods = sender.get();

        // Typed a letter at a time, as a person would: each change waits for the pause.
        for (int i = 1; i <= ods.length(); i++) {
            String typed = ods.substring(0, i);
            WaitForAsyncUtils.asyncFx(() -> odsField.setText(typed)).get();
        }
        try {
            console.waitUntil(20, () -> console.text("#messages-plan-hint").matches("Uses the index on (sender|recipient).*")
                    && WaitForAsyncUtils.asyncFx(() -> !results.getItems().isEmpty() && results.getItems().stream()
                    .allMatch(m -> ods.equals(m.from().odsCode()) || ods.equals(m.to().odsCode()))).get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("after typing " + ods + ": hint '" + console.text("#messages-plan-hint")
                    + "', count '" + console.text("#messages-search-count") + "', "
                    + WaitForAsyncUtils.asyncFx(() -> results.getItems().size()).get() + " rows", e);
        }
        assertFalse(visible("#messages-plan-held"), "a cheap search is not held");
        Screenshots.inBothThemes(console.stage().getScene(), "search-plan-hint");

        // Every message of the day: more than the threshold, so it waits, the filters as chosen.
        WaitForAsyncUtils.asyncFx(() -> odsField.setText("")).get();
        console.waitUntil(20, () -> !console.text("#messages-plan-hint").isEmpty()
                && !console.text("#messages-plan-hint").matches("Uses the index on (sender|recipient).*"));
        WaitForAsyncUtils.asyncFx(() -> range.getSelectionModel().select(TimeRange.LAST_24_HOURS)).get();
        try {
            console.waitUntil(20, () -> visible("#messages-plan-held"));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("not held at a threshold of " + threshold + ": hint '"
                    + console.text("#messages-plan-hint") + "', count '" + console.text("#messages-search-count") + "'", e);
        }
        assertTrue(console.text("#messages-plan-warning").contains("more than the " + NumberFormat.getIntegerInstance(Locale.UK).format(threshold)), console.text("#messages-plan-warning"));
        assertTrue(console.text("#messages-plan-hint").contains("rows to read"), console.text("#messages-plan-hint"));
        assertTrue(console.text("#messages-search-count").contains("last hour"), "held: the results are still the last search's");
        assertEquals(TimeRange.LAST_24_HOURS, WaitForAsyncUtils.asyncFx(range::getValue).get(), "the window stays as chosen");
        Screenshots.inBothThemes(console.stage().getScene(), "search-plan-held");

        robot.clickOn("#messages-plan-run-anyway");
        console.waitUntil(20, () -> !visible("#messages-plan-held")
                && console.text("#messages-search-count").contains("last 24 hours"));

        // A narrower window plans cheap and runs by itself.
        WaitForAsyncUtils.asyncFx(() -> range.getSelectionModel().select(TimeRange.LAST_HOUR)).get();
        console.waitUntil(20, () -> console.text("#messages-search-count").contains("last hour"));
        assertFalse(visible("#messages-plan-held"));
    }

    @SuppressWarnings("unchecked")
    private static TableView<MessageSummary> results() {
        return robot.lookup("#messages-results").queryAs(TableView.class);
    }

    private static boolean visible(String query) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup(query).query().isVisible()).get();
    }

}
