package io.spineconsole.bench;

import com.sun.net.httpserver.HttpServer;
import io.spineconsole.sandbox.SeedData;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.http.server.SandboxBackbone;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The sandbox itself as the live tail's feed, in a process of its own as a team server is: a fresh
 * store (embedded PostgreSQL, or the embedded H2 file store), the desktop directory seeded, and the
 * traffic simulator writing through the real ingest path at the given rate; the live stream is the
 * one the API serves. Prints {@code url=}, {@code token=} and {@code sent=} (a URL answering how many
 * messages the store holds that were received since the feed started).
 */
public final class SandboxFeed {
    /** A running feed. */
    record Feed(Process process, String url, String token, String sentUrl) {
    }

    private SandboxFeed() {
    }

    static Feed start(int rate, String db) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), SandboxFeed.class.getName(),
                String.valueOf(rate), db));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String url = null;
        String token = null;
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("url=")) {
                url = line.substring(4);
            } else if (line.startsWith("token=")) {
                token = line.substring(6);
            } else if (line.startsWith("sent=")) {
                Thread drain = new Thread(() -> {
                    try {
                        out.lines().forEach(l -> { });
                    } catch (java.io.UncheckedIOException closed) {
                        // the feed was stopped at the end of a run
                    }
                }, "feed-output");
                drain.setDaemon(true);
                drain.start();
                return new Feed(p, url, token, line.substring(5));
            }
        }
        throw new IOException("The sandbox feed did not start");
    }

    public static void main(String[] args) throws Exception {
        int rate = Integer.parseInt(args[0]);
        String db = args[1];
        Path dir = Files.createTempDirectory("sandbox-feed");
        EmbeddedPostgres pg = db.equals("postgres") ? EmbeddedPostgres.builder()
                .setDataDirectory(dir.resolve("pgdata").toFile()).setServerConfig("shared_buffers", "512MB").start() : null;
        String url = pg != null ? pg.getJdbcUrl("postgres", "postgres") : "jdbc:h2:file:" + dir.resolve("sandbox");
        SandboxBackbone backbone = SandboxBackbone.start(new SandboxBackbone.Config(url, null, null, "127.0.0.1", 0,
                SeedData.Scale.desktop(), "server").withoutRateLimit(), Clock.systemUTC());
        String token = backbone.issueEmbeddedConsoleToken();
        Sql sql = new Sql(backbone.database().dataSource());
        Instant started = Instant.now();
        HttpServer counter = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        counter.createContext("/bench/sent", ex -> {
            byte[] body = String.valueOf(sql.count("SELECT COUNT(*) FROM message WHERE created_at >= ?", started))
                    .getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        counter.start();
        backbone.traffic().start(rate);
        System.out.println("url=" + backbone.baseUrl());
        System.out.println("token=" + token);
        System.out.println("sent=http://127.0.0.1:" + counter.getAddress().getPort() + "/bench/sent");
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            backbone.close();
            if (pg != null) {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // going away
                }
            }
        }));
        Thread.currentThread().join();
    }
}
