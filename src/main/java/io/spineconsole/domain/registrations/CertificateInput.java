package io.spineconsole.domain.registrations;

import java.time.Instant;

/** TLS client certificate metadata as a client sends it. */
public record CertificateInput(String subject, String issuer, String serial, Instant notBefore, Instant notAfter) {
}
