package io.spineconsole.api.http;

import java.nio.file.Path;

/**
 * TLS for one server beyond the defaults: the CAs to trust instead of the system's, and a client
 * certificate for mutual TLS (Spine endpoints require one). Each part is optional.
 *
 * @param trustStore                PEM certificates, or a PKCS#12 or JKS store; null for the system's CAs
 * @param trustStorePassword        opens a PKCS#12 or JKS trust store; null for PEM
 * @param clientCertificate         a PKCS#12 file with the private key and certificate chain; null for none
 * @param clientCertificatePassword opens the client certificate file and its key
 */
public record TlsOptions(Path trustStore, String trustStorePassword, Path clientCertificate,
                         String clientCertificatePassword) {

    public static TlsOptions none() {
        return new TlsOptions(null, null, null, null);
    }

    public boolean isDefault() {
        return trustStore == null && clientCertificate == null;
    }

    /** Never prints the passwords. */
    @Override
    public String toString() {
        return "TlsOptions[trustStore=" + trustStore + ", clientCertificate=" + clientCertificate + "]";
    }
}
