package io.spineconsole.sandbox.http.server;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Collections;

/**
 * HTTPS for a sandbox served beyond loopback: the server's identity from a PKCS#12 key store and,
 * optionally, the CAs whose client certificates it requires (mutual TLS). TLS 1.2 and 1.3 only.
 * Both files are read when this is made, so a wrong password or an unreadable file stops the
 * server before it listens, with a message naming the file.
 */
public final class ServerTls {
    /** The only protocols offered: a client asking for TLS 1.0 or 1.1 is refused in the handshake. */
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final Path keyStoreFile;
    private final KeyStore keyStore;
    private final String password;
    private final KeyStore clientCas;

    private ServerTls(Path keyStoreFile, KeyStore keyStore, String password, KeyStore clientCas) {
        this.keyStoreFile = keyStoreFile;
        this.keyStore = keyStore;
        this.password = password;
        this.clientCas = clientCas;
    }

    /**
     * @param keyStore a PKCS#12 file with the server's private key and certificate chain
     * @param password opens the file and its key
     * @param clientCa PEM certificates of the CAs whose client certificates are accepted; null to
     *                 ask for no client certificate
     * @throws IllegalArgumentException naming the file, when either cannot be read
     */
    public static ServerTls load(Path keyStore, String password, Path clientCa) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("The key store " + keyStore + " needs its password.");
        }
        KeyStore identity;
        try (InputStream in = Files.newInputStream(keyStore)) {
            identity = KeyStore.getInstance("PKCS12");
            identity.load(in, password.toCharArray());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Could not open the key store " + keyStore + ": "
                    + (e.getCause() instanceof java.security.UnrecoverableKeyException
                    ? "the password is wrong" : String.valueOf(e.getMessage())) + ".", e);
        }
        try {
            if (Collections.list(identity.aliases()).stream().noneMatch(a -> isKey(identity, a))) {
                throw new IllegalArgumentException("The key store " + keyStore
                        + " holds no private key: it needs the server's key and certificate chain.");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Could not read the key store " + keyStore + ".", e);
        }
        return new ServerTls(keyStore, identity, password, clientCa == null ? null : readCas(clientCa));
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static KeyStore readCas(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("The client CA file " + file + " holds no certificate.");
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (Certificate c : certificates) {
                store.setCertificateEntry("client-ca-" + i++, c);
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Could not read the client CA file " + file
                    + " (PEM certificates): " + e.getMessage(), e);
        }
    }

    /** Whether clients must present a certificate signed by one of the client CAs. */
    public boolean requiresClientCertificates() {
        return clientCas != null;
    }

    public Path keyStoreFile() {
        return keyStoreFile;
    }

    /** A connector serving HTTPS on {@code host}:{@code port} (0 picks a free port). */
    Connector connector(Server server, HttpConfiguration http, String host, int port) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(keyStore);
        ssl.setKeyStorePassword(password);
        ssl.setKeyManagerPassword(password);
        ssl.setIncludeProtocols(PROTOCOLS);
        if (clientCas != null) {
            ssl.setTrustStore(clientCas);
            ssl.setNeedClientAuth(true);
        }
        HttpConfiguration https = new HttpConfiguration(http);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false); // clients reach a team server by address as often as by name
        https.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(server,
                new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }

    /**
     * Refuses to serve plain HTTP beyond loopback (bearer tokens would cross the network in clear)
     * unless {@code insecurePlainHttp} says so. Returns true when plain HTTP was allowed that way,
     * for the caller to warn about.
     *
     * @throws IllegalArgumentException when the address is not loopback, there is no TLS and no
     *                                  explicit permission
     */
    public static boolean checkPlainHttp(String bindAddress, ServerTls tls, boolean insecurePlainHttp) {
        if (tls != null || isLoopback(bindAddress)) {
            return false;
        }
        if (!insecurePlainHttp) {
            throw new IllegalArgumentException("Refusing to serve plain HTTP on " + bindAddress
                    + ": bearer tokens would cross the network in clear. Give --tls-keystore to serve HTTPS, "
                    + "or --insecure-plain-http to serve plain HTTP anyway.");
        }
        return true;
    }

    static boolean isLoopback(String address) {
        if ("localhost".equalsIgnoreCase(address)) {
            return true;
        }
        try {
            // a literal address is parsed, never looked up; a host name is looked up once
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "ServerTls[keyStore=" + keyStoreFile + ", clientCertificates="
                + (clientCas != null ? "required" : "not asked") + "]";
    }
}
