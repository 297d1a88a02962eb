package io.spineconsole.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Collections;

/**
 * Opens the files a TLS connection profile names, with a reason a person can act on when one
 * cannot be used. Shared by the HTTP client (which builds its TLS context from them) and the
 * profile form (which checks them before saving).
 *
 * <ul>
 *   <li>A trust store: PEM certificates ({@code -----BEGIN CERTIFICATE-----}, no password), or a
 *       PKCS#12 or JKS store (its type is detected from the content).</li>
 *   <li>A client certificate: a PKCS#12 file holding a private key and its certificate chain,
 *       opened with one password (the store's and the key's, as {@code openssl pkcs12} and
 *       {@code keytool} write them).</li>
 * </ul>
 */
public final class KeyStoreFiles {
    private static final int PEM_SNIFF_BYTES = 4096;

    private KeyStoreFiles() {
    }

    /** Why a file cannot be used. */
    public enum Problem {
        NOT_FOUND, NOT_READABLE, NOT_A_KEY_STORE, WRONG_PASSWORD, NO_CERTIFICATES, NO_PRIVATE_KEY
    }

    /** A file that cannot be used, with the reason. */
    public static final class KeyStoreFileException extends IOException {
        private final Problem problem;

        KeyStoreFileException(Problem problem, Path file, String message, Throwable cause) {
            super(file.getFileName() + ": " + message, cause);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /** True for a PEM file, which needs no password. */
    public static boolean isPem(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(PEM_SNIFF_BYTES);
        }
        return new String(head, StandardCharsets.US_ASCII).contains("-----BEGIN ");
    }

    /**
     * The certificates to trust, as a key store of certificate entries.
     *
     * @param password for a PKCS#12 or JKS store; ignored for PEM; may be null
     */
    public static KeyStore loadTrustStore(Path file, char[] password) throws KeyStoreFileException {
        requireReadable(file);
        KeyStore store;
        try {
            if (isPem(file)) {
                store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                int n = 0;
                for (Certificate certificate : pemCertificates(file)) {
                    store.setCertificateEntry("ca-" + n++, certificate);
                }
            } else {
                store = open(file, password);
            }
        } catch (KeyStoreFileException e) {
            throw e;
        } catch (IOException | GeneralSecurityException e) {
            throw new KeyStoreFileException(Problem.NOT_A_KEY_STORE, file,
                    "not PEM certificates or a PKCS#12 or JKS store", e);
        }
        if (!hasCertificate(store)) {
            throw new KeyStoreFileException(Problem.NO_CERTIFICATES, file, password == null || password.length == 0
                    ? "no certificates could be read; if the store has a password, enter it"
                    : "the store holds no certificates", null);
        }
        return store;
    }

    /** A PKCS#12 client identity: a private key with its certificate chain. */
    public static KeyStore loadClientCertificate(Path file, char[] password) throws KeyStoreFileException {
        requireReadable(file);
        KeyStore store = open(file, password);
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    // The key must open with the same password: the TLS key manager uses it.
                    store.getKey(alias, password == null ? new char[0] : password);
                    return store;
                }
            }
        } catch (UnrecoverableKeyException e) {
            throw new KeyStoreFileException(Problem.WRONG_PASSWORD, file,
                    "the private key does not open with this password", e);
        } catch (GeneralSecurityException e) {
            throw new KeyStoreFileException(Problem.NOT_A_KEY_STORE, file, "the private key cannot be read", e);
        }
        throw new KeyStoreFileException(Problem.NO_PRIVATE_KEY, file,
                "holds no private key: a client certificate file needs the key as well as the certificate", null);
    }

    private static void requireReadable(Path file) throws KeyStoreFileException {
        if (!Files.exists(file)) {
            throw new KeyStoreFileException(Problem.NOT_FOUND, file, "no such file", null);
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new KeyStoreFileException(Problem.NOT_READABLE, file, "cannot be read", null);
        }
    }

    /** A PKCS#12 or JKS store; the JDK recognises the type from the content. */
    private static KeyStore open(Path file, char[] password) throws KeyStoreFileException {
        try {
            return KeyStore.getInstance(file.toFile(), password == null || password.length == 0 ? null : password);
        } catch (IOException e) {
            if (causedBy(e, UnrecoverableKeyException.class)) {
                throw new KeyStoreFileException(Problem.WRONG_PASSWORD, file, "the password is wrong", e);
            }
            throw new KeyStoreFileException(Problem.NOT_A_KEY_STORE, file, "not a PKCS#12 or JKS store", e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new KeyStoreFileException(Problem.NOT_A_KEY_STORE, file, "not a PKCS#12 or JKS store", e);
        }
    }

    private static Collection<? extends Certificate> pemCertificates(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
    }

    private static boolean hasCertificate(KeyStore store) throws KeyStoreFileException {
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.getCertificate(alias) != null) {
                    return true;
                }
            }
            return false;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
