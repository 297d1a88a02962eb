package io.spineconsole.ui.messages;

import io.spineconsole.api.ApiException;
import io.spineconsole.domain.messages.MessageFilter;
import io.spineconsole.domain.messages.RedeliveryJobCreate;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.ValidatedField;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What a bulk redelivery asks for: the reason (audited), a dry run first (on by default: it reports
 * what would be sent and sends nothing), the throttle and a cap. Either given message ids (at most
 * 1,000) or a filter over everything a search matched.
 */
public final class JobForm {
    static final int MAX_IDS = 1_000;
    static final int MAX_RATE = 500;
    static final int MAX_MESSAGES = 100_000;

    private final List<UUID> messageIds;
    private final MessageFilter filter;
    private final String scope;
    private final ValidatedField reason;
    private final ValidatedField rate;
    private final ValidatedField maxMessages;
    private final BooleanProperty dryRun = new SimpleBooleanProperty(true);

    private JobForm(List<UUID> messageIds, MessageFilter filter, String scope, I18n i18n) {
        this.messageIds = messageIds;
        this.filter = filter;
        this.scope = scope;
        reason = new ValidatedField(v -> v.strip().length() >= 3 && v.length() <= 500 ? ""
                : i18n.get("messages.job.error.reason"));
        rate = new ValidatedField(v -> inRange(v, 1, MAX_RATE) ? "" : i18n.get("messages.job.error.rate", MAX_RATE));
        maxMessages = new ValidatedField(v -> inRange(v, 1, MAX_MESSAGES) ? ""
                : i18n.get("messages.job.error.max", MAX_MESSAGES));
        rate.reset(String.valueOf(RedeliveryJobCreate.DEFAULT_RATE));
        maxMessages.reset(String.valueOf(filter == null ? messageIds.size()
                : RedeliveryJobCreate.DEFAULT_MAX_MESSAGES));
    }

    /** A job over chosen messages (the first {@value #MAX_IDS} of them). */
    static JobForm forMessages(List<UUID> ids, String scope, I18n i18n) {
        Objects.requireNonNull(ids);
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("no messages chosen");
        }
        return new JobForm(List.copyOf(ids.subList(0, Math.min(ids.size(), MAX_IDS))), null, scope, i18n);
    }

    /** A job over everything {@code filter} selects. */
    static JobForm forFilter(MessageFilter filter, String scope, I18n i18n) {
        return new JobForm(null, Objects.requireNonNull(filter), scope, i18n);
    }

    private static boolean inRange(String v, int min, int max) {
        try {
            int n = Integer.parseInt(v.strip());
            return n >= min && n <= max;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public boolean isValid() {
        return reason.isValid() && rate.isValid() && maxMessages.isValid();
    }

    /** The request to send; call only when {@link #isValid()}. */
    RedeliveryJobCreate toRequest() {
        return new RedeliveryJobCreate(messageIds, filter, reason.value().strip(), dryRun.get(),
                Integer.parseInt(rate.value().strip()), Integer.parseInt(maxMessages.value().strip()));
    }

    /** Shows the server's field errors on the fields they name. */
    void showServerErrors(ApiException e) {
        for (ApiException.FieldError f : e.fieldErrors()) {
            switch (f.field()) {
                case "reason" -> reason.showServerError(f.message());
                case "ratePerSecond" -> rate.showServerError(f.message());
                case "maxMessages" -> maxMessages.showServerError(f.message());
                default -> { }
            }
        }
    }

    /** What the job covers, in words ("12 selected messages", "everything the search matched: …"). */
    public String scope() {
        return scope;
    }

    public boolean byFilter() {
        return filter != null;
    }

    public int messageCount() {
        return messageIds == null ? 0 : messageIds.size();
    }

    public ValidatedField reason() {
        return reason;
    }

    public ValidatedField rate() {
        return rate;
    }

    public ValidatedField maxMessages() {
        return maxMessages;
    }

    public BooleanProperty dryRunProperty() {
        return dryRun;
    }
}
