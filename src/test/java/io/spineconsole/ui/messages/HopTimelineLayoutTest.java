package io.spineconsole.ui.messages;

import io.spineconsole.domain.messages.MessageDetail;
import io.spineconsole.domain.messages.MessageParty;
import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.testing.FxThread;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.ScreenAudit;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A hop's failure reason wraps onto as many lines as it needs, whatever width the window gives the
 * timeline, and is never cut to an ellipsis: as a wrapped label it was cut short at some widths (the
 * screen audit found it at 1280 px).
 */
class HopTimelineLayoutTest {
    private static final Instant AT = Instant.parse("2026-12-07T09:00:00Z");
    private static final String REASON = "TLS handshake failed: the certificate of nhs-mhs.trust-a.example.nhs.uk has"
            + " expired; attempt 3 of 3, the message is dead-lettered and needs a redelivery once renewed";

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aLongReasonIsShownWholeAtEveryWidth() throws Exception {
        MessageText text = new MessageText(new I18n(Locale.UK), Clock.fixed(AT.plusSeconds(60), ZoneId.of("Europe/London")));
        HopTimeline timeline = new HopTimeline(text);
        MessageDetail detail = new MessageDetail(UUID.randomUUID(), UUID.randomUUID(), "urn:nhs:names:services:gp2gp:RCMR_IN030000UK06",
                null, new MessageParty("A81001", "200000000001", "A81001-0000001"),
                new MessageParty("RR8", "200000000002", "RR8-0000002"), null, "CLOUD-LDN-1", MessageStatus.DEAD_LETTERED,
                3, 2048, AT, AT, null, "TLS_CERT_EXPIRED", REASON, null, 1, List.of(), null, null, null, List.of(),
                null, List.of(), null);
        List<MessageDetailViewModel.Hop> hops = List.of(
                new MessageDetailViewModel.Hop(1, MessageStatus.RECEIVED, MessageDetailViewModel.Lane.SENDER,
                        MessageDetailViewModel.Lane.SPINE, false, "Received", null, null, "CLOUD-LDN-1", AT, "+0 ms", 0),
                new MessageDetailViewModel.Hop(2, MessageStatus.DEAD_LETTERED, MessageDetailViewModel.Lane.SPINE,
                        MessageDetailViewModel.Lane.RECEIVER, true, "Delivery failed", "TLS_CERT_EXPIRED", REASON,
                        "CLOUD-LDN-1", AT.plusMillis(80), "+80 ms", 3));
        Stage stage = FxThread.call(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(new VBox(timeline), 1280, 800, Color.WHITE));
            s.show();
            timeline.show(detail, hops);
            return s;
        });
        try {
            for (int width = 700; width <= 1300; width += 30) {
                int w = width;
                FxThread.call(() -> {
                    stage.setWidth(w);
                    return null;
                });
                Thread.sleep(120); // a few pulses: the layout settles as it would on screen
                List<ScreenAudit.Entry> reason = FxThread.call(() -> ScreenAudit.of(stage.getScene())).stream()
                        .filter(e -> e.text().contains("certificate of")).toList();
                assertEquals(1, reason.size(), "the reason is on the timeline");
                assertFalse(reason.get(0).truncated(), "cut off at a window " + w + " px wide: " + reason.get(0));
            }
        } finally {
            FxThread.call(() -> {
                stage.close();
                return null;
            });
        }
    }

}
