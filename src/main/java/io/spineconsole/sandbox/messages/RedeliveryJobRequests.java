package io.spineconsole.sandbox.messages;

import io.spineconsole.domain.Identifiers;
import io.spineconsole.domain.messages.MessageFilter;
import io.spineconsole.domain.messages.MessageSearch;
import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.messages.MessageStatuses;
import io.spineconsole.domain.messages.RedeliveryJobCreate;
import io.spineconsole.sandbox.outcome.Issues;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;

/** The rules a new redelivery job's request must keep, and the message search its filter stands for. */
final class RedeliveryJobRequests {
    private RedeliveryJobRequests() {
    }

    static void validate(RedeliveryJobCreate r) {
        Issues errors = new Issues();
        int given = (r.messageIds() == null ? 0 : 1) + (r.filter() == null ? 0 : 1) + (r.fromDryRun() == null ? 0 : 1);
        if (given != 1) {
            errors.add("", "EXACTLY_ONE", "Give exactly one of messageIds, filter or fromDryRun.");
        }
        if (r.fromDryRun() != null && Boolean.TRUE.equals(r.dryRun())) {
            errors.add("dryRun", "OUT_OF_RANGE", "fromDryRun runs a dry run's selection for real: dryRun must be false.");
        }
        Redelivery.checkReason(errors, r.reason());
        if (r.ratePerSecond() != null && (r.ratePerSecond() < 1 || r.ratePerSecond() > 500)) {
            errors.add("ratePerSecond", "OUT_OF_RANGE", "ratePerSecond must be 1 to 500.");
        }
        if (r.maxMessages() != null && (r.maxMessages() < 1 || r.maxMessages() > 100_000)) {
            errors.add("maxMessages", "OUT_OF_RANGE", "maxMessages must be 1 to 100000.");
        }
        if (r.messageIds() != null) {
            if (r.messageIds().isEmpty() || r.messageIds().size() > 1_000) {
                errors.add("messageIds", "OUT_OF_RANGE", "Give 1 to 1000 message ids.");
            } else if (new HashSet<>(r.messageIds()).size() != r.messageIds().size() || r.messageIds().contains(null)) {
                errors.add("messageIds", "NOT_UNIQUE", "Each message id may appear once.");
            }
        }
        MessageFilter f = r.filter();
        if (f != null) {
            if (f.from() == null || f.to() == null) {
                errors.add("filter.from", "REQUIRED", "A filter needs both from and to.");
            } else if (!f.from().isBefore(f.to()) || Duration.between(f.from(), f.to()).compareTo(MessageStore.MAX_WINDOW) > 0) {
                errors.add("filter.to", "OUT_OF_RANGE", "from must be before to, at most 31 days apart.");
            }
            if (f.ods() != null) {
                errors.check("filter.ods", "INVALID_IDENTIFIER_VALUE", Identifiers.checkOdsCode(f.ods()));
            }
            if (f.asid() != null) {
                errors.check("filter.asid", "INVALID_IDENTIFIER_VALUE", Identifiers.checkAsid(f.asid()));
            }
            if (f.partyKey() != null) {
                errors.check("filter.partyKey", "INVALID_IDENTIFIER_VALUE", Identifiers.checkPartyKey(f.partyKey()));
            }
            if (f.interaction() != null) {
                errors.check("filter.interaction", "INVALID_IDENTIFIER_VALUE", Identifiers.checkInteractionId(f.interaction()));
            }
            if (f.status() != null && (f.status().isEmpty() || f.status().stream().anyMatch(s -> s == null || !MessageStatuses.isRedeliverable(s)))) {
                errors.add("filter.status", "NOT_REDELIVERABLE",
                        "Only nacked, transmission-failed, dead-lettered and expired messages can be selected.");
            }
        }
        errors.throwIfAny();
    }

    static MessageSearch searchOf(MessageFilter f) {
        List<MessageStatus> statuses = f.status() == null ? List.copyOf(MessageStatuses.FAILED) : f.status();
        return new MessageSearch(null, f.conversationId(), f.ods(), f.asid(), f.partyKey(), f.interaction(), statuses,
                f.site(), f.endpointId(), f.signature(), f.from(), f.to(), false, MessageSearch.DEFAULT_LIMIT, null);
    }
}
