package io.spineconsole.ui.messages;

import io.spineconsole.domain.messages.MessageFlowSummary;
import io.spineconsole.ui.common.FxDebouncer;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Tile;
import io.spineconsole.ui.common.WorkspaceServices;
import io.spineconsole.ui.common.WorkspaceView;
import javafx.util.Duration;

import java.text.NumberFormat;
import java.util.List;

/** The support analyst's workspace: find a message, see where it stopped and why, put it right. */
public final class MessageFlowWorkspace {
    /** Error rate above which the last hour is flagged. */
    private static final double ERROR_RATE_WARNING = 0.02;
    /** How long typing pauses before a changed filter searches again. */
    private static final Duration SEARCH_PAUSE = Duration.millis(600);

    private MessageFlowWorkspace() {
    }

    public static WorkspaceView create(WorkspaceServices services) {
        return new MessageFlowView(services, FxDebouncer.factory(SEARCH_PAUSE));
    }

    static List<Tile> tiles(MessageFlowSummary s, I18n i18n) {
        NumberFormat n = NumberFormat.getIntegerInstance(i18n.locale());
        NumberFormat pct = NumberFormat.getPercentInstance(i18n.locale());
        pct.setMaximumFractionDigits(1);
        return List.of(
                new Tile(i18n.get("messages.lastHour"), n.format(s.messagesLastHour()), "", ""),
                new Tile(i18n.get("messages.failedLastHour"), n.format(s.failedLastHour()),
                        i18n.get("messages.errorRate", pct.format(s.errorRateLastHour())),
                        s.errorRateLastHour() > ERROR_RATE_WARNING ? "danger" : "ok"),
                new Tile(i18n.get("messages.inFlight"), n.format(s.inFlight()), "", ""),
                new Tile(i18n.get("messages.deadLetters"), n.format(s.deadLetters()),
                        i18n.get("messages.deadLettersCaption"), s.deadLetters() > 0 ? "warning" : "ok"));
    }
}
