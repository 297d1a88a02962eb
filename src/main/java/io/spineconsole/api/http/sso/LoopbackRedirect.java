package io.spineconsole.api.http.sso;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The redirect a native app receives its authorization response on (RFC 8252 §7.3): a one-shot HTTP listener
 * on the loopback address and a free port, at {@code http://127.0.0.1:<port>/signed-in}. It takes the first
 * request to that path, answers the browser with a page saying it can be closed, and stops.
 */
final class LoopbackRedirect implements AutoCloseable {
    private static final String PATH = "/signed-in";
    private final HttpServer server;
    private final CompletableFuture<URI> received = new CompletableFuture<>();

    LoopbackRedirect(String pageTitle, String pageText) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] page = ("<!doctype html><html><head><meta charset=\"utf-8\"><title>" + pageTitle + "</title></head>"
                + "<body style=\"font-family:sans-serif;margin:3em\"><h1>" + pageTitle + "</h1><p>" + pageText
                + "</p></body></html>").getBytes(StandardCharsets.UTF_8);
        server.createContext(PATH, exchange -> {
            try (exchange) {
                URI uri = exchange.getRequestURI();
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.getResponseHeaders().set("Cache-Control", "no-store");
                exchange.sendResponseHeaders(200, page.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(page);
                }
                received.complete(redirectUri().resolve(uri.getRawPath() + (uri.getRawQuery() == null ? ""
                        : "?" + uri.getRawQuery())));
            }
        });
        server.start();
    }

    /** Where the issuer sends the browser back to. */
    URI redirectUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    /** The full redirect the browser made, query included; waits up to {@code seconds}. */
    URI await(long seconds) throws TimeoutException, InterruptedException {
        try {
            return received.get(seconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Stops waiting: a sign-in the user cancelled. */
    void cancel() {
        received.cancel(false);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
