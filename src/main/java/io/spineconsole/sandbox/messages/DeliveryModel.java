package io.spineconsole.sandbox.messages;

import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.messages.MessagingPattern;
import io.spineconsole.sandbox.messages.TrafficDirectory.Target;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * How a message travels across the backbone, after the MHS messaging patterns: received → routed
 * (for forward patterns, stored at the Spine intermediary) → delivered → acknowledged (reliable
 * patterns), or failed: an unregistered To address (code 12, dead-lettered at once), a timeout,
 * an HTTP 503, an expired receiver certificate, a NACK. Reliable patterns retry under the
 * receiving endpoint's reliability settings until retries are exhausted (dead-lettered, code 14)
 * or the persist duration runs out (expired). Probabilities are per attempt.
 */
final class DeliveryModel {
    /** Share of messages addressed to a party key nobody registered. */
    static final double UNREGISTERED_RATE = 0.004;
    private final Random random;
    private volatile TrafficConditions conditions = TrafficConditions.NONE;

    DeliveryModel(Random random) {
        this.random = random;
    }

    void conditions(TrafficConditions conditions) {
        this.conditions = conditions;
    }

    /** A new message between two registered systems, received at {@code at}; not yet routed. */
    MessageRow newMessage(TrafficDirectory directory, Instant at) {
        List<String> interactions = directory.routableInteractions();
        List<Target> all = directory.targets();
        if (interactions.isEmpty() || all.size() < 2) {
            return null;
        }
        String interaction = interactions.get(random.nextInt(interactions.size()));
        List<Target> receivers = directory.receiversOf(interaction);
        Target to = receivers.get(random.nextInt(receivers.size()));
        Target from = all.get(random.nextInt(all.size()));
        MessageRow row = new MessageRow();
        // Time-ordered ids: new rows land at the right edge of the key and conversation indexes.
        row.id = MessageIds.timeOrdered(at, random);
        row.conversationId = random.nextInt(4) == 0 ? MessageIds.timeOrdered(at, random) : row.id;
        row.interaction = interaction;
        row.pattern = to.pattern();
        row.fromAsid = from.asid();
        row.fromPartyKey = from.partyKey();
        row.fromOds = from.ods();
        row.sizeBytes = 400 + (int) Math.min(2_000_000, Math.abs(random.nextGaussian()) * 12_000);
        row.createdAt = at;
        row.updatedAt = at;
        if (random.nextDouble() < UNREGISTERED_RATE) {
            row.toOds = to.ods();
            row.toAsid = to.asid();
            row.toPartyKey = to.ods() + "-" + String.format(Locale.ROOT, "%07d", 9_000_000 + random.nextInt(999_999));
        } else {
            address(row, to);
        }
        List<String> sites = directory.sitesFor(interaction);
        row.site = sites.get(random.nextInt(sites.size()));
        return row;
    }

    static void address(MessageRow row, Target to) {
        row.toOds = to.ods();
        row.toAsid = to.asid();
        row.toPartyKey = to.partyKey();
        row.endpointId = to.id();
        row.pattern = to.pattern();
    }

    /**
     * Receives and routes {@code row} and makes the first delivery attempt; then, for a message
     * in the past (seed history), keeps going while its next retry is already due.
     */
    void deliver(MessageRow row, Target to, Instant now) {
        row.event(MessageStatus.RECEIVED, null, "Received from " + row.fromPartyKey + " (ASID " + row.fromAsid + ")",
                row.createdAt, 0);
        if (to == null) {
            row.event(MessageStatus.DEAD_LETTERED, "12", "Unregistered To address: no endpoint is registered for "
                    + "party key " + row.toPartyKey + " and interaction " + shortName(row.interaction),
                    row.createdAt.plusMillis(3 + random.nextInt(20)), 0);
            row.becameFinal = true;
            return;
        }
        Instant routedAt = row.createdAt.plusMillis(2 + random.nextInt(25));
        boolean forward = row.pattern == MessagingPattern.FORWARD_RELIABLE || row.pattern == MessagingPattern.FORWARD_EXPRESS;
        row.event(MessageStatus.ROUTED, null, forward
                ? "Stored at the Spine intermediary for forwarding to " + to.partyKey() + " (" + to.fqdn() + ")"
                : "Routed to " + to.partyKey() + " (" + to.fqdn() + ") via " + row.site, routedAt, 0);
        attempt(row, to, routedAt.plusMillis(1 + random.nextInt(10)));
        catchUp(row, to, now);
    }

    /** Makes every retry of a {@code retrying} message that is due by {@code now}. */
    void catchUp(MessageRow row, Target to, Instant now) {
        while (row.status == MessageStatus.RETRYING && row.nextAttemptAt != null && !row.nextAttemptAt.isAfter(now)) {
            Instant expiresAt = row.createdAt.plus(to.persistDuration());
            if (!row.nextAttemptAt.isBefore(expiresAt)) {
                row.nextAttemptAt = null;
                row.event(MessageStatus.EXPIRED, "EXPIRED", "Not acknowledged within the persist duration "
                        + to.persistDuration() + " after " + row.attempts + " attempts", expiresAt, row.attempts);
                row.becameFinal = true;
                return;
            }
            Instant at = row.nextAttemptAt;
            row.nextAttemptAt = null;
            attempt(row, to, at);
        }
    }

    private void attempt(MessageRow row, Target to, Instant at) {
        int attempt = ++row.attempts;
        double roll = random.nextDouble();
        TrafficConditions.Injected injected = conditions.failure(row.toOds, row.interaction, at);
        if (injected != null) {
            inject(row, to, at, attempt, injected);
        } else if (to.certNotAfter() != null && to.certNotAfter().isBefore(at)) {
            transportFailure(row, to, at.plusMillis(20 + random.nextInt(80)), attempt, "TLS_CERT_EXPIRED",
                    "TLS handshake failed: the certificate of " + to.fqdn() + " has expired");
        } else if (roll < 0.012) {
            transportFailure(row, to, at.plusSeconds(30), attempt, "TIMEOUT",
                    "No response from " + to.fqdn() + " within 30 s");
        } else if (roll < 0.018) {
            transportFailure(row, to, at.plusMillis(40 + random.nextInt(200)), attempt, "HTTP_503",
                    "The receiving MHS answered 503 Service Unavailable");
        } else if (roll < 0.026) {
            Instant nackAt = at.plusMillis(latency(row.pattern));
            row.event(MessageStatus.NACKED, "5000", "NACK from " + to.partyKey()
                    + ": the receiver rejected the payload (schema validation failed)", nackAt, attempt);
            row.becameFinal = true;
        } else {
            Instant deliveredAt = at.plusMillis(latency(row.pattern));
            row.event(MessageStatus.DELIVERED, null, row.pattern == MessagingPattern.SYNC
                    ? "Response returned to the sender" : "Accepted by " + to.fqdn(), deliveredAt, attempt);
            Instant finalAt = deliveredAt;
            if (row.pattern.isReliable() && to.ackRequested()) {
                finalAt = deliveredAt.plusMillis(5 + random.nextInt(400));
                row.event(MessageStatus.ACKNOWLEDGED, null, "ebXML acknowledgement from " + to.partyKey(), finalAt,
                        attempt);
            }
            row.latencyMs = Math.max(0, finalAt.toEpochMilli() - row.createdAt.toEpochMilli());
            row.becameFinal = true;
        }
    }

    /** A failure a scenario asked for, real in form; the message carries the scenario's name ({@code injected}). */
    private void inject(MessageRow row, Target to, Instant at, int attempt, TrafficConditions.Injected injected) {
        row.injected = injected.scenario();
        switch (injected.kind()) {
            case "timeout" -> transportFailure(row, to, at.plusSeconds(30), attempt, "TIMEOUT",
                    "No response from " + to.fqdn() + " within 30 s");
            case "http-503" -> transportFailure(row, to, at.plusMillis(40 + random.nextInt(200)), attempt, "HTTP_503",
                    "The receiving MHS answered 503 Service Unavailable");
            case "tls-refused" -> transportFailure(row, to, at.plusMillis(20 + random.nextInt(80)), attempt,
                    "TLS_REFUSED", "TLS handshake refused by " + to.fqdn());
            case "certificate-expired" -> transportFailure(row, to, at.plusMillis(20 + random.nextInt(80)), attempt,
                    "TLS_CERT_EXPIRED", "TLS handshake failed: the certificate of " + to.fqdn() + " has expired");
            case "dead-letter" -> {
                row.nextAttemptAt = null;
                row.event(MessageStatus.DEAD_LETTERED, "14", "Undelivered: the receiver's queue is not being "
                        + "drained; dead-lettered after attempt " + attempt, at.plusMillis(5 + random.nextInt(50)), attempt);
                row.becameFinal = true;
            }
            default -> { // nack
                row.event(MessageStatus.NACKED, "5000", "NACK from " + to.partyKey()
                        + ": the receiver rejected the payload (schema validation failed)", at.plusMillis(latency(row.pattern)),
                        attempt);
                row.becameFinal = true;
            }
        }
    }

    private void transportFailure(MessageRow row, Target to, Instant at, int attempt, String code, String description) {
        row.event(MessageStatus.TRANSMISSION_FAILED, code, description, at, attempt);
        if (!row.pattern.isReliable()) {
            row.becameFinal = true;
            return;
        }
        if (attempt <= to.retries()) {
            // The store acts next at the retry or, if the persist duration ends first, then: it expires on time
            // rather than at a retry that will never be made.
            Instant next = at.plus(to.retryInterval());
            Instant expiresAt = row.createdAt.plus(to.persistDuration());
            row.nextAttemptAt = next.isBefore(expiresAt) ? next : expiresAt;
            // No time inside the sentence: the next attempt and the expiry are the message's fields, worded by the console.
            row.event(MessageStatus.RETRYING, code, "Attempt " + attempt + " of " + (to.retries() + 1) + " failed; "
                    + (next.isBefore(expiresAt) ? "waiting to retry" : "the persist duration ends before the next attempt"),
                    at, attempt);
        } else {
            row.event(MessageStatus.DEAD_LETTERED, "14", "Undelivered: " + attempt + " attempts, retries exhausted ("
                    + code + ")", at, attempt);
            row.becameFinal = true;
        }
    }

    /** Milliseconds to deliver: a long-tailed spread, quicker for sync. */
    private long latency(MessagingPattern pattern) {
        double base = pattern == MessagingPattern.SYNC ? 60 : 150;
        return (long) (base * Math.exp(random.nextGaussian() * 0.8));
    }

    static String shortName(String interaction) {
        int colon = interaction.lastIndexOf(':');
        return colon < 0 ? interaction : interaction.substring(colon + 1);
    }
}
