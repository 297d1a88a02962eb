package io.spineconsole.app;

import io.spineconsole.api.http.sds.HttpSdsDirectory;
import io.spineconsole.api.sds.SdsDirectory;
import io.spineconsole.settings.SdsConnectionProfile;
import io.spineconsole.settings.SecretStore;
import io.spineconsole.settings.Settings;
import io.spineconsole.ui.common.SdsAccess;
import io.spineconsole.ui.common.UiExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;

/**
 * Opens the directory of the SDS connection in use (the first of the settings) with its API key from the secret
 * store, read off the UI thread, and hands it to {@link SdsAccess}; the directory it replaces is closed. With no
 * SDS connection, access is empty and the views say so.
 */
final class SdsConnections implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SdsConnections.class);
    private final SecretStore secrets;
    private final SdsAccess access;
    private final Executor io;
    private final UiExecutor ui;
    private final BiFunction<SdsConnectionProfile, String, SdsDirectory> open;
    /** The last request to {@link #use}; an older one that finishes late is dropped. Touched on the UI thread only. */
    private long generation;

    SdsConnections(SecretStore secrets, SdsAccess access, Executor io, UiExecutor ui,
                   BiFunction<SdsConnectionProfile, String, SdsDirectory> open) {
        this.secrets = secrets;
        this.access = access;
        this.io = io;
        this.ui = ui;
        this.open = open;
    }

    /** A directory over HTTP for a connection, paced as the connection says. */
    static SdsDirectory open(SdsConnectionProfile p, String apiKey) {
        int burst = (int) Math.max(1, Math.min(5, Math.floor(p.pace())));
        return HttpSdsDirectory.create(p.baseUrl(), apiKey, HttpSdsDirectory.Options.defaults().withPace(p.pace(), burst));
    }

    /** Uses the first SDS connection of {@code settings}, or none. Call on the UI thread. */
    void use(Settings settings) {
        long g = ++generation;
        Optional<SdsConnectionProfile> first = settings.sdsProfiles().stream().findFirst();
        if (first.isEmpty()) {
            replace(null);
            return;
        }
        SdsConnectionProfile p = first.get();
        CompletableFuture<String> key = CompletableFuture.supplyAsync(() -> {
            try {
                return secrets.sdsApiKey(p.id()).orElse("");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, io);
        ui.deliver(key, k -> {
            if (g == generation) {
                replace(new SdsAccess.Connection(p.name(), p.environment(), open.apply(p, k)));
            }
        }, t -> {
            LOG.warn("Could not read the API key of SDS connection {}", p.name(), t);
            if (g == generation) {
                replace(new SdsAccess.Connection(p.name(), p.environment(), open.apply(p, "")));
            }
        });
    }

    private void replace(SdsAccess.Connection next) {
        Optional<SdsAccess.Connection> previous = access.connection();
        access.use(next);
        previous.ifPresent(c -> close(c.directory()));
    }

    private static void close(SdsDirectory d) {
        if (d instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.debug("Closing an SDS directory", e);
            }
        }
    }

    @Override
    public void close() {
        access.connection().ifPresent(c -> close(c.directory()));
    }
}
