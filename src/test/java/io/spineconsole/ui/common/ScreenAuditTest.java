package io.spineconsole.ui.common;

import io.spineconsole.testing.FxThread;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit sees what a reader sees: text cut off, text too faint for its background, a raw ISO time. */
class ScreenAuditTest {
    private static final String LONG = "Undelivered: 4 attempts, retries exhausted, the receiver's certificate has ended";

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
    }


    /** Shows {@code root} in a window of its own at 400×300 on a white page, and audits it. */
    private static List<ScreenAudit.Entry> audit(Parent root) throws Exception {
        return FxThread.call(() -> {
            Stage stage = new Stage();
            Scene scene = new Scene(root, 400, 300, Color.WHITE);
            stage.setScene(scene);
            stage.show();
            root.applyCss();
            root.layout();
            root.applyCss();
            root.layout();
            List<ScreenAudit.Entry> entries = ScreenAudit.of(scene);
            stage.close();
            return entries;
        });
    }

    private static ScreenAudit.Entry entry(List<ScreenAudit.Entry> entries, String text) {
        return entries.stream().filter(e -> e.text().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError(text + " not in " + entries));
    }

    private static Background fill(Color color) {
        return new Background(new BackgroundFill(color, CornerRadii.EMPTY, Insets.EMPTY));
    }

    @Test
    void aLabelTooNarrowForItsTextIsCutOffAndOneWithRoomIsNot() throws Exception {
        Label narrow = new Label(LONG);
        narrow.setMaxWidth(120);
        Label roomy = new Label("Retries exhausted");
        List<ScreenAudit.Entry> entries = audit(new VBox(narrow, roomy));

        assertTrue(entry(entries, LONG).truncated(), "an ellipsis");
        assertFalse(entry(entries, "Retries exhausted").truncated());
        assertEquals(ScreenAudit.LABEL, entry(entries, LONG).kind());
        assertTrue(ScreenAudit.problems(entries).stream().anyMatch(p -> p.startsWith("cut off: label")),
                ScreenAudit.problems(entries).toString());
    }

    @Test
    void textClippedByWhatHoldsItIsCutOffButTextAScrollAwayIsNot() throws Exception {
        Label wide = new Label("A button row wider than its window");
        wide.setMinWidth(Label.USE_PREF_SIZE);
        Pane clipped = new Pane(wide);
        clipped.setPrefSize(100, 40);
        clipped.setClip(new javafx.scene.shape.Rectangle(100, 40));

        VBox tall = new VBox();
        for (int i = 0; i < 40; i++) {
            tall.getChildren().add(new Label("Row " + i));
        }
        ScrollPane scroll = new ScrollPane(tall);
        scroll.setPrefHeight(150);
        List<ScreenAudit.Entry> entries = audit(new VBox(clipped, scroll));

        assertTrue(entry(entries, "A button row wider than its window").truncated());
        // Rows below the viewport are not on screen; the one half in view is a scroll away, not cut off.
        assertTrue(entries.stream().noneMatch(e -> e.text().equals("Row 39")));
        assertTrue(entries.stream().filter(e -> e.text().startsWith("Row ")).noneMatch(ScreenAudit.Entry::truncated),
                entries.toString());
    }

    @Test
    void aParagraphHalfInAScrollerThatEndsAtTheWindowsEdgeIsAScrollAwayNotCutOff() throws Exception {
        // The message timeline's scroller reaches the bottom of its window: a reason of several lines at the
        // foot of the viewport runs past the window's edge too, and that part is a scroll away, like the rest.
        javafx.scene.layout.Region above = new javafx.scene.layout.Region();
        above.setMinHeight(280);
        javafx.scene.text.TextFlow reason = new javafx.scene.text.TextFlow(new javafx.scene.text.Text(LONG + "; " + LONG));
        ScrollPane scroll = new ScrollPane(new VBox(above, reason));
        scroll.setFitToWidth(true);
        List<ScreenAudit.Entry> entries = audit(scroll);

        assertFalse(entry(entries, LONG + "; " + LONG).truncated(), entries.toString());
    }

    @Test
    void contrastIsMeasuredAgainstTheBackgroundTheTextIsDrawnOn() throws Exception {
        Label black = new Label("Black on white");
        black.setTextFill(Color.BLACK);
        Label grey = new Label("Grey on white");
        grey.setTextFill(Color.web("#777777"));
        Label onBand = new Label("White on green");
        onBand.setTextFill(Color.WHITE);
        VBox band = new VBox(onBand);
        band.setBackground(fill(Color.web("#2da44e")));
        Button disabled = new Button("Redeliver");
        disabled.setTextFill(Color.BLACK);
        disabled.setBackground(Background.EMPTY);
        disabled.setOpacity(0.4);
        VBox page = new VBox(black, grey, band, disabled);
        page.setBackground(fill(Color.WHITE));
        List<ScreenAudit.Entry> entries = audit(page);

        assertEquals(21.0, entry(entries, "Black on white").contrast(), 0.01);
        assertEquals(4.48, entry(entries, "Grey on white").contrast(), 0.01);
        assertEquals(3.03, entry(entries, "White on green").contrast(), 0.2);
        assertTrue(entry(entries, "Redeliver").contrast() < 4.5, "a faded control is measured as faded");
        List<String> problems = ScreenAudit.problems(entries);
        assertTrue(problems.stream().anyMatch(p -> p.contains("\"Grey on white\"")), problems.toString());
        assertTrue(problems.stream().noneMatch(p -> p.contains("\"Black on white\"")), problems.toString());
    }

    @Test
    void largeTextNeedsThreeToOne() throws Exception {
        Label big = new Label("Large heading");
        big.setFont(Font.font(null, FontWeight.NORMAL, 26));
        big.setTextFill(Color.web("#888888"));
        Label boldSmall = new Label("Bold 19 px");
        boldSmall.setFont(Font.font(null, FontWeight.BOLD, 19));
        Label small = new Label("Body text");
        List<ScreenAudit.Entry> entries = audit(new VBox(big, boldSmall, small));

        assertTrue(entry(entries, "Large heading").large());
        assertEquals(3.0, entry(entries, "Large heading").required());
        assertFalse(entry(entries, "Body text").large());
        assertTrue(ScreenAudit.problems(entries).stream().noneMatch(p -> p.contains("Large heading")),
                "#888 on white is 3.5:1, enough for large text");
    }

    @Test
    void aCutOffCellPassesOnlyWithItsFullTextInATooltip() throws Exception {
        TableView<String> table = new TableView<>(FXCollections.observableArrayList(LONG));
        TableColumn<String, String> bare = new TableColumn<>("Reason");
        bare.setPrefWidth(90);
        bare.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue()));
        TableColumn<String, String> tipped = new TableColumn<>("Detail");
        tipped.setPrefWidth(90);
        tipped.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue() + "!"));
        tipped.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty ? null : new Tooltip(item));
            }
        });
        table.getColumns().add(bare);
        table.getColumns().add(tipped);
        List<ScreenAudit.Entry> entries = audit(new VBox(table));

        assertEquals(ScreenAudit.TABLE_CELL, entry(entries, LONG).kind());
        assertTrue(entry(entries, LONG).truncated());
        assertEquals(ScreenAudit.HEADER, entry(entries, "Reason").kind());
        List<String> problems = ScreenAudit.problems(entries);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("cut off without a tooltip: table-cell \"Undelivered")
                && !p.contains("!")), problems.toString());
        assertTrue(problems.stream().noneMatch(p -> p.contains("ended!")), problems.toString());
    }

    @Test
    void aRawIsoTimeIsAProblemWhereverItShows() throws Exception {
        List<ScreenAudit.Entry> entries = audit(new VBox(new Label("next attempt at 2026-12-01T09:55:37.212361583Z"),
                new Label("Tue 1 Dec 09:55:37")));
        List<String> problems = ScreenAudit.problems(entries);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("raw ISO time in label"), problems.toString());
    }
}
