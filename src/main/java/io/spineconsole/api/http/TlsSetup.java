package io.spineconsole.api.http;

import io.spineconsole.api.ApiException;
import io.spineconsole.platform.KeyStoreFiles;
import okhttp3.OkHttpClient;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.List;

/** Applies {@link TlsOptions} to an OkHttp client: custom trust anchors and a client certificate. */
final class TlsSetup {
    private TlsSetup() {
    }

    /**
     * @throws ApiException (CONFIGURATION, {@code TLS_SETUP_FAILED}) when a file cannot be opened: the
     *                      profile needs fixing, and the message says which file and why
     */
    static void apply(TlsOptions tls, OkHttpClient.Builder builder) {
        if (tls == null || tls.isDefault()) {
            return;
        }
        try {
            X509TrustManager trust = trustManager(tls.trustStore() == null ? null
                    : KeyStoreFiles.loadTrustStore(tls.trustStore(), chars(tls.trustStorePassword())));
            KeyManager[] keys = null;
            if (tls.clientCertificate() != null) {
                char[] password = chars(tls.clientCertificatePassword());
                KeyStore identity = KeyStoreFiles.loadClientCertificate(tls.clientCertificate(), password);
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(identity, password == null ? new char[0] : password);
                keys = kmf.getKeyManagers();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, new TrustManager[]{trust}, null);
            builder.sslSocketFactory(context.getSocketFactory(), trust);
        } catch (IOException | GeneralSecurityException e) {
            throw new ApiException(ApiException.Kind.CONFIGURATION, 0, "TLS_SETUP_FAILED",
                    "The connection profile's TLS files cannot be used: " + e.getMessage(),
                    tls + ": " + e, List.of(), e);
        }
    }

    /** Trusts exactly the given store's certificates, or the system's when it is null. */
    private static X509TrustManager trustManager(KeyStore anchors) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(anchors);
        return Arrays.stream(tmf.getTrustManagers()).filter(X509TrustManager.class::isInstance)
                .map(X509TrustManager.class::cast).findFirst()
                .orElseThrow(() -> new GeneralSecurityException("No X.509 trust manager"));
    }

    private static char[] chars(String password) {
        return password == null || password.isEmpty() ? null : password.toCharArray();
    }
}
