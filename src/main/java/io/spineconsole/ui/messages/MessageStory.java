package io.spineconsole.ui.messages;

import io.spineconsole.domain.messages.MessageDetail;
import io.spineconsole.domain.messages.MessageEvent;
import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.messages.MessageStatuses;
import io.spineconsole.domain.messages.Reliability;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.messages.MessageDetailViewModel.Hop;
import io.spineconsole.ui.messages.MessageDetailViewModel.Lane;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A message's story in words: its timeline as hops between lanes (sender → Spine → receiver), where
 * it stands against its endpoint's reliability settings ("Attempt 2 of 3, next attempt at 09:55:37
 * (in 2 h)"), and those settings. Every time in it is worded here, from the message's fields.
 */
final class MessageStory {
    private final I18n i18n;
    private final MessageText text;

    MessageStory(I18n i18n, MessageText text) {
        this.i18n = i18n;
        this.text = text;
    }

    /** Where a step of the journey goes between the lanes, whether it is a failure, and its title. */
    private record Leg(Lane from, Lane to, boolean failed, String title) {
    }

    private Leg leg(MessageStatus status) {
        return switch (status) {
            case RECEIVED -> new Leg(Lane.SENDER, Lane.SPINE, false, i18n.get("messages.hop.received"));
            case ROUTED -> new Leg(Lane.SPINE, Lane.SPINE, false, i18n.get("messages.hop.routed"));
            case DELIVERED -> new Leg(Lane.SPINE, Lane.RECEIVER, false, i18n.get("messages.hop.delivered"));
            case ACKNOWLEDGED -> new Leg(Lane.RECEIVER, Lane.SPINE, false, i18n.get("messages.hop.acknowledged"));
            case NACKED -> new Leg(Lane.RECEIVER, Lane.SPINE, true, i18n.get("messages.hop.nacked"));
            case TRANSMISSION_FAILED -> new Leg(Lane.SPINE, Lane.RECEIVER, true, i18n.get("messages.hop.transmissionFailed"));
            case RETRYING -> new Leg(Lane.SPINE, Lane.SPINE, false, i18n.get("messages.hop.retrying"));
            case DEAD_LETTERED -> new Leg(Lane.SPINE, Lane.SPINE, true, i18n.get("messages.hop.deadLettered"));
            default -> new Leg(Lane.SPINE, Lane.SPINE, true, i18n.get("messages.hop.expired"));
        };
    }

    /** The timeline as hops between lanes, each with its offset from when the message was received. */
    List<Hop> hops(MessageDetail d) {
        List<Hop> list = new ArrayList<>();
        Instant start = d.receivedAt();
        for (MessageEvent e : d.events()) {
            Leg leg = leg(e.status());
            String offset = start == null || e.at() == null ? "" : "+" + text.offset(Duration.between(start, e.at()));
            String description = e.status() == MessageStatus.RETRYING ? retryWords(d, e) : e.description();
            list.add(new Hop(e.seq(), e.status(), leg.from(), leg.to(), leg.failed(), leg.title(), e.code(),
                    description, e.site(), e.at(), offset, e.attempt()));
        }
        return list;
    }

    /**
     * A wait to retry in words, its times worded here from the fields (the server puts no time in a
     * sentence): "Attempt 1 of 4 failed; next attempt at 09:55:37", or that the persist duration ends first.
     */
    private String retryWords(MessageDetail d, MessageEvent e) {
        Reliability r = d.reliability();
        Duration interval = r == null ? null : parse(r.retryInterval());
        if (interval == null || e.at() == null) {
            return e.description();
        }
        Instant next = e.at().plus(interval);
        Duration persist = parse(r.persistDuration());
        Instant expires = persist == null || d.receivedAt() == null ? null : d.receivedAt().plus(persist);
        int allowed = r.retries() + 1;
        return expires != null && !next.isBefore(expires)
                ? i18n.get("messages.hop.retryExpiresFirst", e.attempt(), allowed, text.time(expires))
                : i18n.get("messages.hop.retryAt", e.attempt(), allowed, text.time(next));
    }

    private static Duration parse(String iso) {
        try {
            return iso == null ? null : Duration.parse(iso);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Where the message stands against its endpoint's reliability settings, in a sentence:
     * "Attempt 2 of 3, next in 2 h, expires in 3 h 12 m".
     */
    String retrySummary(MessageDetail d, Instant now) {
        Reliability r = d.reliability();
        if (r == null || !d.messagingPattern().isReliable()) {
            return d.attempts() <= 1 ? i18n.get("messages.retry.express")
                    : i18n.get("messages.retry.expressAttempts", d.attempts());
        }
        int allowed = r.retries() + 1;
        List<String> parts = new ArrayList<>();
        parts.add(i18n.get("messages.retry.attempt", Math.max(d.attempts(), 1), allowed));
        if (d.status() == MessageStatus.RETRYING && d.nextAttemptAt() != null) {
            Duration wait = Duration.between(now, d.nextAttemptAt());
            parts.add(wait.isNegative() || wait.isZero() ? i18n.get("messages.retry.nextDue")
                    : i18n.get("messages.retry.next", text.time(d.nextAttemptAt()), text.duration(wait)));
        }
        if (!MessageStatuses.isTerminal(d.status()) && d.expiresAt() != null) {
            Duration left = Duration.between(now, d.expiresAt());
            parts.add(left.isNegative() ? i18n.get("messages.retry.expiredAlready")
                    : i18n.get("messages.retry.expires", text.time(d.expiresAt()), text.duration(left)));
        } else if (d.status() == MessageStatus.DEAD_LETTERED) {
            parts.add(d.attempts() >= allowed ? i18n.get("messages.retry.exhausted") : i18n.get("messages.retry.parked"));
        } else if (d.status() == MessageStatus.EXPIRED) {
            parts.add(i18n.get("messages.retry.persistRanOut", text.isoDuration(r.persistDuration())));
        } else if (d.status() == MessageStatus.ACKNOWLEDGED || d.status() == MessageStatus.DELIVERED) {
            parts.add(i18n.get("messages.retry.done"));
        }
        return String.join(", ", parts);
    }

    /** The endpoint's settings in words: "2 retries every 2 h, kept for 7 h, acknowledgement always". */
    String reliabilityText(Reliability r) {
        if (r == null) {
            return i18n.get("messages.reliability.none");
        }
        return i18n.get("messages.reliability.text", r.retries(), text.isoDuration(r.retryInterval()),
                text.isoDuration(r.persistDuration()), nullToDash(r.ackRequested()), nullToDash(r.duplicateElimination()),
                nullToDash(r.syncReplyMode()));
    }

    private static String nullToDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }
}
