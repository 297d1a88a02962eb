package io.spineconsole.sandbox.http.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.spineconsole.api.wire.WireJson;
import io.spineconsole.domain.Role;
import io.spineconsole.sandbox.AuditLog;
import io.spineconsole.sandbox.InteractionCatalogue;
import io.spineconsole.sandbox.SandboxContext;
import io.spineconsole.sandbox.SandboxDatabase;
import io.spineconsole.sandbox.SeedData;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.SummaryStore;
import io.spineconsole.sandbox.alerts.AlertsModule;
import io.spineconsole.sandbox.drive.DriveModule;
import io.spineconsole.sandbox.TokenStore;
import io.spineconsole.sandbox.http.Idempotency;
import io.spineconsole.sandbox.http.RateLimit;
import io.spineconsole.sandbox.sso.OidcSettings;
import io.spineconsole.sandbox.sso.OidcTokens;
import io.spineconsole.sandbox.sso.SignedInPeople;
import io.spineconsole.sandbox.messages.MessageRetention;
import io.spineconsole.sandbox.feed.FeedSettings;
import io.spineconsole.sandbox.feed.KafkaFeed;
import io.spineconsole.sandbox.messages.MessagesModule;
import io.spineconsole.sandbox.migration.MigrationSeed;
import io.spineconsole.sandbox.messages.TrafficSimulator;
import io.spineconsole.platform.OwnerOnlyFiles;
import io.spineconsole.platform.StartupPhases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The reference backbone in one piece: database, seed data, the stores, and the HTTP server in front
 * of them. The console starts one in-process on loopback; {@code spine-console sandbox} runs one
 * headless. It lives beside the server because it is the one class that wires the stores to it.
 */
public final class SandboxBackbone implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxBackbone.class);
    /** The name of the token the embedded console signs in with; replaced at every start. */
    public static final String EMBEDDED_CONSOLE_TOKEN = "Embedded console";
    /** The name of the admin token a headless sandbox writes to its token file on first start. */
    public static final String HEADLESS_ADMIN_TOKEN = "Headless admin";

    private final SandboxDatabase database;
    private final SandboxServer server;
    private final TokenStore tokens;
    private final MessagesModule messages;
    private final DriveModule drive;
    private final AlertsModule alerts;
    private final String baseUrl;
    private final KafkaFeed feed;

    /**
     * What to start: where the data lives, where to listen, how much to seed, how often a token may
     * call, HTTPS ({@code tls} null for plain HTTP), and the single sign-on issuer whose access tokens are
     * accepted beside API tokens ({@code oidc} null for API tokens only), and how often alert rules are
     * evaluated ({@link java.time.Duration#ZERO}: only when asked, for tests on a clock they move).
     */
    public record Config(String jdbcUrl, String dbUser, String dbPassword, String bindAddress, int port,
                         SeedData.Scale scale, String mode, RateLimit rateLimit, ServerTls tls, OidcSettings oidc,
                         FeedSettings feed, java.time.Duration alertInterval) {
        /** Fed by its own traffic simulator (no Kafka feed), evaluating alert rules every {@link AlertsModule#INTERVAL}. */
        public Config(String jdbcUrl, String dbUser, String dbPassword, String bindAddress, int port,
                      SeedData.Scale scale, String mode, RateLimit rateLimit, ServerTls tls, OidcSettings oidc) {
            this(jdbcUrl, dbUser, dbPassword, bindAddress, port, scale, mode, rateLimit, tls, oidc, null,
                    AlertsModule.INTERVAL);
        }

        /** API tokens only. */
        public Config(String jdbcUrl, String dbUser, String dbPassword, String bindAddress, int port,
                      SeedData.Scale scale, String mode, RateLimit rateLimit, ServerTls tls) {
            this(jdbcUrl, dbUser, dbPassword, bindAddress, port, scale, mode, rateLimit, tls, null);
        }

        /** Plain HTTP. */
        public Config(String jdbcUrl, String dbUser, String dbPassword, String bindAddress, int port,
                      SeedData.Scale scale, String mode, RateLimit rateLimit) {
            this(jdbcUrl, dbUser, dbPassword, bindAddress, port, scale, mode, rateLimit, null);
        }

        /** With the contract's per-token rate limit. */
        public Config(String jdbcUrl, String dbUser, String dbPassword, String bindAddress, int port,
                      SeedData.Scale scale, String mode) {
            this(jdbcUrl, dbUser, dbPassword, bindAddress, port, scale, mode, RateLimit.CONTRACT);
        }

        public static Config embedded(String jdbcUrl) {
            return new Config(jdbcUrl, null, null, "127.0.0.1", 0, SeedData.Scale.desktop(), "sandbox");
        }

        /** The same, with no request limit: for tests and benchmarks that measure the server itself. */
        public Config withoutRateLimit() {
            return new Config(jdbcUrl, dbUser, dbPassword, bindAddress, port, scale, mode, RateLimit.NONE, tls, oidc,
                    feed, alertInterval);
        }

        /** The same, served over HTTPS. */
        public Config withTls(ServerTls serverTls) {
            return new Config(jdbcUrl, dbUser, dbPassword, bindAddress, port, scale, mode, rateLimit, serverTls, oidc,
                    feed, alertInterval);
        }

        /** The same, accepting access tokens from a single sign-on issuer beside API tokens. */
        public Config withOidc(OidcSettings settings) {
            return new Config(jdbcUrl, dbUser, dbPassword, bindAddress, port, scale, mode, rateLimit, tls, settings,
                    feed, alertInterval);
        }

        /** The same, fed from a Kafka topic instead of its own simulator (docs/KAFKA_FEED.md). */
        public Config withFeed(FeedSettings settings) {
            return new Config(jdbcUrl, dbUser, dbPassword, bindAddress, port, scale, mode, rateLimit, tls, oidc,
                    settings, alertInterval);
        }

        /** The same, evaluating alert rules every {@code interval} ({@link java.time.Duration#ZERO}: only when asked). */
        public Config withAlertInterval(java.time.Duration interval) {
            return new Config(jdbcUrl, dbUser, dbPassword, bindAddress, port, scale, mode, rateLimit, tls, oidc, feed,
                    interval);
        }
    }

    private SandboxBackbone(SandboxDatabase database, SandboxServer server, TokenStore tokens, MessagesModule messages,
                            DriveModule drive, KafkaFeed feed, AlertsModule alerts, String baseUrl) {
        this.database = database;
        this.feed = feed;
        this.server = server;
        this.tokens = tokens;
        this.messages = messages;
        this.drive = drive;
        this.alerts = alerts;
        this.baseUrl = baseUrl;
    }

    /**
     * Starts on the sandbox's own H2 store, {@code database} in the data folder (the embedded
     * console, or a headless sandbox without {@code --db}); {@code config}'s URL is ignored. That
     * store holds only generated data, so when another version of the console wrote it with a
     * different migration history it is set aside (renamed, never deleted) and a fresh one seeded,
     * rather than the console refusing to start. A store H2 finds damaged (a crash at the wrong moment, a bad
     * disk) is set aside the same way: it too holds nothing a user made that the server keeps elsewhere,
     * and without this the console could never start its sandbox again.
     */
    public static SandboxBackbone startOnOwnStore(Path database, Config config, Clock clock) {
        return startOnOwnStore(database, config, clock, StartupPhases.NONE);
    }

    /** The same, timing its steps for the start-up timeline ({@code sandbox.database}, {@code sandbox.flyway}, ...). */
    public static SandboxBackbone startOnOwnStore(Path database, Config config, Clock clock, StartupPhases phases) {
        Config own = new Config(SandboxDatabase.h2FileUrl(database), null, null, config.bindAddress(),
                config.port(), config.scale(), config.mode(), config.rateLimit(), config.tls(), config.oidc(),
                config.feed(), config.alertInterval());
        try {
            return start(own, clock, phases);
        } catch (SandboxDatabase.IncompatibleSchemaException e) {
            Path setAside = setAside(database, "incompatible", clock);
            LOG.warn("{}. Moved it to {} and started a fresh sandbox store.", e.getMessage(), setAside);
            return start(own, clock, phases);
        } catch (RuntimeException e) {
            if (!SandboxDatabase.isDamaged(e)) {
                throw e;
            }
            Path setAside = setAside(database, "damaged", clock);
            LOG.error("The sandbox store could not be read: it is damaged. Moved it to {} and started a fresh sandbox "
                    + "store.", setAside, e);
            return start(own, clock, phases);
        }
    }

    /** Renames H2's file for {@code database} to a dated name beside it ({@code why} in the name); returns the new name. */
    private static Path setAside(Path database, String why, Clock clock) {
        String base = database.getFileName().toString();
        Path store = database.resolveSibling(base + ".mv.db");
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC).format(clock.instant());
        Path target = database.resolveSibling(base + "-" + why + "-" + stamp + ".mv.db");
        try {
            return Files.move(store, target);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not move the " + why + " sandbox store " + store + " aside", e);
        }
    }

    public static SandboxBackbone start(Config config, Clock clock) {
        return start(config, clock, StartupPhases.NONE);
    }

    /** Starts the backbone, timing each step in {@code phases}. */
    public static SandboxBackbone start(Config config, Clock clock, StartupPhases phases) {
        long started = System.nanoTime();
        SandboxDatabase database = SandboxDatabase.open(config.jdbcUrl(), config.dbUser(), config.dbPassword(), phases);
        MessagesModule messages = null;
        KafkaFeed feed = null;
        AlertsModule alerts = null;
        try {
            StartupPhases.Phase stores = phases.begin("sandbox.stores");
            Sql sql = new Sql(database.dataSource());
            InteractionCatalogue interactions = InteractionCatalogue.load();
            ObjectMapper mapper = WireJson.strictMapper();
            SandboxContext context = new SandboxContext(sql, clock, new AuditLog(mapper, clock), mapper,
                    database.product(), interactions);
            messages = new MessagesModule(context, MessageRetention.forMode(config.mode()), database::compactIfGrown);
            stores.close();
            StartupPhases.Phase seed = phases.begin("sandbox.seed");
            if (new SeedData(interactions, clock).seedIfEmpty(sql, config.scale(), MigrationSeed::seed)) {
                messages.seedHistory(config.scale().messages());
                database.compact(); // the first seeding leaves the store no larger than its data needs
                LOG.info("Seeded the sandbox store at scale {} ({} bytes)", config.scale(), database.sizeBytes());
            }
            seed.close();
            StartupPhases.Phase http = phases.begin("sandbox.http");
            TokenStore tokens = new TokenStore(sql, clock, context.audit());
            OidcTokens sso = config.oidc() == null ? null
                    : new OidcTokens(config.oidc(), new SignedInPeople(sql, clock), clock);
            if (sso != null) {
                sso.warmUp();
            }
            SummaryStore summaries = new SummaryStore(sql, clock);
            DriveModule drive = new DriveModule(context, messages.traffic());
            feed = config.feed() == null ? KafkaFeed.none(context) : KafkaFeed.start(config.feed(), context, messages);
            alerts = new AlertsModule(context, messages, config.alertInterval());
            SandboxServer server = new SandboxServer(tokens, new Idempotency(sql, clock, context.isPostgres()), mapper,
                    RouteGroups.all(context, summaries, config.mode(), messages, drive, feed, alerts, tokens,
                            storeUsage(database, messages.retention())), config.rateLimit(),
                    database::sync, config.tls(), sso);
            int port = server.start(config.bindAddress(), config.port());
            http.close();
            String host = config.bindAddress().contains(":") ? "[" + config.bindAddress() + "]" : config.bindAddress();
            String url = (config.tls() != null ? "https://" : "http://") + host + ":" + port;
            LOG.info("Sandbox backbone listening on {} ({} store{}) after {} ms", url, database.product(),
                    config.tls() == null ? "" : config.tls().requiresClientCertificates()
                            ? ", TLS 1.2/1.3 with client certificates" : ", TLS 1.2/1.3",
                    (System.nanoTime() - started) / 1_000_000);
            return new SandboxBackbone(database, server, tokens, messages, drive, feed, alerts, url);
        } catch (RuntimeException e) {
            if (alerts != null) {
                alerts.close();
            }
            if (feed != null) {
                feed.close();
            }
            if (messages != null) {
                messages.close();
            }
            database.close();
            throw e;
        }
    }

    /** The store's size (measured at most every 30 s: the health route is polled) and message retention. */
    private static java.util.function.Supplier<io.spineconsole.domain.StoreUsage> storeUsage(SandboxDatabase database,
                                                                                          MessageRetention retention) {
        long[] measured = {0, 0, 0};  // size, when measured, whether measured
        return () -> {
            synchronized (measured) {
                long now = System.nanoTime();
                if (measured[2] == 0 || now - measured[1] > 30_000_000_000L) {
                    measured[2] = 1;
                    measured[0] = database.sizeBytes();
                    measured[1] = now;
                }
                return new io.spineconsole.domain.StoreUsage(measured[0], retention.days());
            }
        };
    }

    public String baseUrl() {
        return baseUrl;
    }

    public SandboxDatabase database() {
        return database;
    }

    public SandboxServer server() {
        return server;
    }

    public TokenStore tokens() {
        return tokens;
    }

    /** The live traffic simulator: off until started (the embedded console starts it at the default rate). */
    public TrafficSimulator traffic() {
        return messages.traffic();
    }

    /** The message-flow module: its store, ingest, retention and maintenance (benchmarks drive it at simulated time). */
    public MessagesModule messages() {
        return messages;
    }

    /** The Kafka feed, or {@link KafkaFeed#none} when the simulator feeds this sandbox. */
    public KafkaFeed feed() {
        return feed;
    }

    /** Alert rules, alerts and their evaluator. */
    public AlertsModule alerts() {
        return alerts;
    }

    /** Traffic rate and incident scenarios, as the admin API drives them. */
    public DriveModule drive() {
        return drive;
    }

    /** Issues a fresh admin token for the in-process console, revoking the previous one. */
    public String issueEmbeddedConsoleToken() {
        tokens.revokeByName(EMBEDDED_CONSOLE_TOKEN);
        return tokens.create(EMBEDDED_CONSOLE_TOKEN, Role.ADMIN);
    }

    /**
     * For a headless server: makes sure {@code file} holds a working admin token, creating one on
     * first start. The file is readable by its owner only (where the file system has permissions).
     * Returns true when a new token was written.
     */
    public boolean ensureAdminTokenFile(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            String existing = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (tokens.authenticate(existing).isPresent()) {
                return false;
            }
        }
        String secret = tokens.create(HEADLESS_ADMIN_TOKEN, Role.ADMIN);
        OwnerOnlyFiles.writeString(file, secret + System.lineSeparator());
        return true;
    }

    /**
     * Stops the sandbox in the order that leaves nothing failing and nothing lost: scenarios and live
     * traffic first (its last tick waited for), then the server (no request writes after this), then the
     * message module's jobs and timers with a final write of every pending roll-up, and the store last.
     */
    @Override
    public void close() {
        database.stopCompacting();  // an online compaction under way ends at its next slice, none starts
        drive.close();  // scenarios ended, traffic stopped
        server.close();
        alerts.close();  // no round under way when the stream and the store close
        feed.close();  // this instance's partitions go to the group's others
        messages.close();
        database.close();
    }
}
