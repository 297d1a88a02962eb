package io.spineconsole.domain.messages;

import io.spineconsole.domain.Coded;

import java.util.Arrays;
import java.util.Optional;

/**
 * The codes the backbone reports when a message fails, as it writes them: ebXML / Spine error codes
 * ({@code 12}, {@code 14}, {@code 5000}) and transport codes. The console explains each in a support
 * analyst's words, with the next step, by this code.
 */
public enum DeliveryError implements Coded {
    /** No endpoint is registered for the To party key and interaction: dead-lettered at once. */
    UNREGISTERED_TO("12"),
    /** Every attempt failed and the retries ran out: dead-lettered. */
    RETRIES_EXHAUSTED("14"),
    /** The receiver answered with a negative acknowledgement (the payload failed its checks). */
    REJECTED("5000"),
    /** The receiving MHS answered 503 Service Unavailable. */
    RECEIVER_UNAVAILABLE("HTTP_503"),
    /** The receiver did not answer in time. */
    TIMEOUT("TIMEOUT"),
    /** The receiver's TLS certificate has ended: no secure connection can be made. */
    CERTIFICATE_ENDED("TLS_CERT_EXPIRED"),
    /** Not acknowledged within the persist duration. */
    EXPIRED("EXPIRED");

    private final String code;

    DeliveryError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** The error a code names, if the console knows it. */
    public static Optional<DeliveryError> of(String code) {
        return Arrays.stream(values()).filter(e -> e.code.equals(code)).findFirst();
    }
}
