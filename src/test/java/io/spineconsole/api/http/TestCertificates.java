package io.spineconsole.api.http;

import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.concurrent.TimeUnit;

/**
 * A little PKI generated per test run, as Spine uses one: a CA, a server certificate for
 * {@code localhost} signed by it, and a client certificate signed by it; plus an unrelated CA to
 * show what happens when a profile trusts the wrong one. Writes them as the files a profile names.
 */
public final class TestCertificates {
    public static final String CLIENT_PASSWORD = "client-p12-pass";
    public static final String TRUST_STORE_PASSWORD = "trust-store-pass";

    public final HeldCertificate ca = new HeldCertificate.Builder().commonName("Test Spine CA")
            .certificateAuthority(0).duration(1, TimeUnit.DAYS).build();
    public final HeldCertificate otherCa = new HeldCertificate.Builder().commonName("Some Other CA")
            .certificateAuthority(0).duration(1, TimeUnit.DAYS).build();
    public final HeldCertificate server = new HeldCertificate.Builder().commonName("localhost")
            .addSubjectAlternativeName("localhost").addSubjectAlternativeName("127.0.0.1")
            .signedBy(ca).duration(1, TimeUnit.DAYS).build();
    public final HeldCertificate client = new HeldCertificate.Builder().commonName("RR8 console 200000000123")
            .signedBy(ca).duration(1, TimeUnit.DAYS).build();

    /** The server's side: its certificate, and the CA it accepts client certificates from. */
    public HandshakeCertificates serverHandshake() {
        return new HandshakeCertificates.Builder().heldCertificate(server, ca.certificate())
                .addTrustedCertificate(ca.certificate()).build();
    }

    public static Path writePem(Path file, HeldCertificate... certificates) throws IOException {
        StringBuilder pem = new StringBuilder();
        for (HeldCertificate c : certificates) {
            pem.append(c.certificatePem());
        }
        return Files.writeString(file, pem.toString());
    }

    /** A PKCS#12 client identity: the private key with its chain, under one password. */
    public Path writeClientPkcs12(Path file, String password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("client", client.keyPair().getPrivate(), password.toCharArray(),
                new Certificate[]{client.certificate(), ca.certificate()});
        return save(store, file, password);
    }

    /** A PKCS#12 server identity (as keytool makes one): the server's key with its chain, under one password. */
    public Path writeServerPkcs12(Path file, String password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", server.keyPair().getPrivate(), password.toCharArray(),
                new Certificate[]{server.certificate(), ca.certificate()});
        return save(store, file, password);
    }

    /** A PKCS#12 or JKS trust store holding {@code anchor}. */
    public static Path writeTrustStore(Path file, String type, String password, HeldCertificate anchor)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(type);
        store.load(null, null);
        store.setCertificateEntry("ca", anchor.certificate());
        return save(store, file, password);
    }

    private static Path save(KeyStore store, Path file, String password) throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }
}
