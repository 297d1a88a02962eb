package io.spineconsole.api.http;

import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.internal.http2.ConnectionShutdownException;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.List;
import java.util.Optional;

/**
 * Tells a refused client certificate from a dropped connection. With TLS 1.3 a server that requires
 * a client certificate (as Spine endpoints do) rejects the client only after the handshake has
 * completed on the client's side: the call then fails with whatever the first write or read meets —
 * a broken pipe, a reset, a shut-down connection — rather than the server's alert. When an https
 * call fails that way, this opens one TLS connection with the same settings and reads the server's
 * first words: a fatal alert (certificate required, bad certificate) names the real cause.
 */
final class TlsRefusalProbe {
    private static final int PROBE_TIMEOUT_MILLIS = 2_000;

    private TlsRefusalProbe() {
    }

    /** True for a failure that may hide a TLS refusal (an https call, dropped right after connecting). */
    static boolean worthProbing(HttpUrl url, IOException failure) {
        if (!url.isHttps()) {
            return false;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return false; // already says what went wrong
            }
            if (t instanceof ConnectionShutdownException
                    || (t instanceof SocketException && !(t instanceof ConnectException))) {
                return true;
            }
        }
        return false;
    }

    /** The TLS failure the server reports to a fresh connection, if it reports one within two seconds. */
    static Optional<SSLException> refusal(OkHttpClient client, HttpUrl url) {
        try (SSLSocket socket = (SSLSocket) client.sslSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress(url.host(), url.port()), PROBE_TIMEOUT_MILLIS);
            socket.setSoTimeout(PROBE_TIMEOUT_MILLIS);
            if (!url.host().contains(":") && !url.host().matches("[0-9.]+")) { // SNI names hosts, not addresses
                SSLParameters params = socket.getSSLParameters();
                params.setServerNames(List.of(new SNIHostName(url.host())));
                socket.setSSLParameters(params);
            }
            socket.startHandshake();
            socket.getInputStream().read(); // a server that accepted us says nothing until asked
            return Optional.empty();
        } catch (SSLException refused) {
            return Optional.of(refused);
        } catch (IOException quietOrGone) {
            return Optional.empty(); // accepted (read timed out), or the server cannot be reached at all
        }
    }
}
