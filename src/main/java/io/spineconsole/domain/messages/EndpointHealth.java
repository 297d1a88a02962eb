package io.spineconsole.domain.messages;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * How one receiving endpoint ({@link HealthGroup#ENDPOINT}) or one recipient organisation (its
 * endpoints added up) is doing: messages received in the window and what became of them, the
 * backlog now, its certificate, and a sparkline of received and failed per bucket.
 */
public record EndpointHealth(HealthGroup kind, String odsCode, String organisationName, UUID endpointId,
                             String partyKey, String asid, String fqdn, int endpoints, long received, long delivered,
                             long failed, long retrying, long deadLettered, long inFlight, Instant oldestWaiting,
                             double errorRate, Long p95Ms, Instant lastSuccess, CertificateState certificate,
                             Instant certificateNotAfter, List<Long> sparkReceived, List<Long> sparkFailed) {
    public EndpointHealth {
        sparkReceived = List.copyOf(sparkReceived);
        sparkFailed = List.copyOf(sparkFailed);
    }

    /** Messages in trouble: failed in the window, or waiting for another attempt now. */
    public long inTrouble() {
        return failed + retrying;
    }
}
