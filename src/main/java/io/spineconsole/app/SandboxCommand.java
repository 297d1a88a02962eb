package io.spineconsole.app;

import io.spineconsole.platform.AppDirectories;
import io.spineconsole.sandbox.SandboxDatabase;
import io.spineconsole.sandbox.SeedData;
import io.spineconsole.sandbox.feed.FeedSettings;
import io.spineconsole.sandbox.http.server.SandboxBackbone;
import io.spineconsole.sandbox.messages.TrafficSimulator;
import io.spineconsole.sandbox.http.server.ServerTls;
import io.spineconsole.sandbox.sso.OidcSettings;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code spine-console sandbox}: the sandbox backbone as a headless server for a team or a training room. */
@Command(name = "sandbox", mixinStandardHelpOptions = true, versionProvider = Launcher.Version.class,
        description = "Run the sandbox backbone as a headless admin API server.")
final class SandboxCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8086",
            description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; use 0.0.0.0 to serve a network).")
    String bind;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Database: an H2 or PostgreSQL JDBC URL (default: an H2 file in the data folder). "
                    + "The password, if any, comes from the SPINE_SANDBOX_DB_PASSWORD environment variable.")
    String db;

    @Option(names = "--db-user", paramLabel = "USER", description = "Database user, if the URL needs one.")
    String dbUser;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "Where the admin token is written on first start (default: in the data folder).")
    Path tokenFile;

    @Option(names = "--organisations", paramLabel = "N", defaultValue = "300",
            description = "Organisations to seed into an empty store (default: ${DEFAULT-VALUE}).")
    int organisations;

    @Option(names = "--messages", paramLabel = "N", defaultValue = "20000",
            description = "Messages to seed into an empty store (default: ${DEFAULT-VALUE}).")
    int messages;

    @Option(names = "--traffic", paramLabel = "MSG_PER_S", defaultValue = "40",
            description = "Live traffic in messages a second (default: ${DEFAULT-VALUE}, the desktop's rate; "
                    + "0 turns it off; at most 3200, the national peak). Admins change it at run time through "
                    + "PUT /api/v1/sandbox/traffic.")
    int traffic;

    @Option(names = "--kafka", paramLabel = "BOOTSTRAP",
            description = "Consume message events from a Kafka topic (with --topic) instead of running the built-in "
                    + "traffic simulator: host:port of one or more brokers, comma separated. Several sandboxes on one "
                    + "PostgreSQL (--db) with the same --topic and --kafka-group share the topic's partitions. "
                    + "See docs/KAFKA_FEED.md.")
    String kafka;

    @Option(names = "--topic", paramLabel = "NAME", description = "With --kafka: the topic of message events.")
    String topic;

    @Option(names = "--kafka-group", paramLabel = "GROUP", defaultValue = FeedSettings.DEFAULT_GROUP,
            description = "With --kafka: the consumer group the sandboxes sharing one store belong to "
                    + "(default: ${DEFAULT-VALUE}).")
    String kafkaGroup;

    @Option(names = "--kafka-publish",
            description = "With --kafka: also run the traffic simulator here at --traffic, publishing its message "
                    + "events to the topic (every sandbox of the group stores and streams them).")
    boolean kafkaPublish;

    @Option(names = "--tls-keystore", paramLabel = "FILE.p12",
            description = "Serve HTTPS (TLS 1.2 and 1.3) with the key and certificate chain in this PKCS#12 file. "
                    + "Its password comes from the " + TLS_PASSWORD_VARIABLE + " environment variable, "
                    + "or is asked for.")
    Path tlsKeystore;

    @Option(names = "--tls-client-ca", paramLabel = "FILE.pem",
            description = "With --tls-keystore: require client certificates signed by a CA in this PEM file (mutual TLS).")
    Path tlsClientCa;

    @Option(names = "--insecure-plain-http",
            description = "Serve plain HTTP on a non-loopback address anyway (bearer tokens cross the network in clear).")
    boolean insecurePlainHttp;

    @Option(names = "--oidc-issuer", paramLabel = "URL",
            description = "Also accept OpenID Connect access tokens (JWT) from this single sign-on issuer, beside API "
                    + "tokens: its identifier, as its tokens' iss claim says (discovery at URL/.well-known/openid-configuration).")
    java.net.URI oidcIssuer;

    @Option(names = "--oidc-audience", paramLabel = "AUDIENCE",
            description = "With --oidc-issuer: the aud value the issuer puts in access tokens meant for this server.")
    String oidcAudience;

    @Option(names = "--oidc-role-claim", paramLabel = "CLAIM", defaultValue = "roles",
            description = "With --oidc-issuer: the claim that says what a person may do (default: ${DEFAULT-VALUE}).")
    String oidcRoleClaim;

    @Option(names = "--oidc-role-value", paramLabel = "ROLE=VALUE",
            description = "With --oidc-issuer: a value of the role claim that grants a role, e.g. admin=R8000 "
                    + "(repeatable; default: the values viewer, operator and admin grant those roles).")
    java.util.List<String> oidcRoleValues;

    /** Where the key store's password comes from: never the command line, which others can read. */
    static final String TLS_PASSWORD_VARIABLE = "SPINE_SANDBOX_TLS_PASSWORD";

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65_535) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--port must be between 0 and 65535.");
        }
        if (traffic < 0 || traffic > TrafficSimulator.MAX_RATE) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--traffic must be between 0 (off) and " + TrafficSimulator.MAX_RATE + " messages a second.");
        }
        if (organisations < 2 || messages < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--organisations must be at least 2 and --messages at least 0.");
        }
        if (tlsClientCa != null && tlsKeystore == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--tls-client-ca needs --tls-keystore: client certificates are asked for over TLS only.");
        }
        ServerTls tls;
        boolean plainBeyondLoopback;
        OidcSettings oidc;
        FeedSettings feed;
        try {
            feed = feedSettings();
            oidc = oidcSettings();
            tls = tlsKeystore == null ? null : ServerTls.load(tlsKeystore, tlsPassword(), tlsClientCa);
            plainBeyondLoopback = ServerTls.checkPlainHttp(bind, tls, insecurePlainHttp);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 2;
        }
        if (db != null) {
            // A database someone named: a plain sentence and exit 2 when it is not one, or cannot be reached.
            if (!db.startsWith("jdbc:h2:") && !db.startsWith("jdbc:postgresql:")) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--db must be an H2 or PostgreSQL JDBC URL (jdbc:h2:... or jdbc:postgresql://host/db); got '"
                                + redactedUrl(db) + "'.");
            }
            String unreachable = probe(db, dbUser, System.getenv("SPINE_SANDBOX_DB_PASSWORD"));
            if (unreachable != null) {
                spec.commandLine().getErr().println("The database " + redactedUrl(db) + " could not be opened: "
                        + unreachable + ". Check --db, --db-user and SPINE_SANDBOX_DB_PASSWORD.");
                return 2;
            }
        }
        AppDirectories dirs = AppDirectories.forCurrentUser();
        Logging.start(dirs, "INFO");
        if (plainBeyondLoopback) {
            LoggerFactory.getLogger(SandboxCommand.class).warn("Serving plain HTTP on {} (--insecure-plain-http): "
                    + "bearer tokens cross the network in clear. Use --tls-keystore beyond a trusted network.", bind);
        }
        String jdbcUrl = db != null ? db : SandboxDatabase.h2FileUrl(dirs.sandboxDatabase());
        SandboxBackbone.Config config = new SandboxBackbone.Config(jdbcUrl, dbUser,
                System.getenv("SPINE_SANDBOX_DB_PASSWORD"), bind, port,
                new SeedData.Scale(organisations, messages), "server").withTls(tls).withOidc(oidc).withFeed(feed);
        SandboxBackbone sandbox;
        try {
            sandbox = db == null
                    ? SandboxBackbone.startOnOwnStore(dirs.sandboxDatabase(), config, Clock.systemUTC())
                    : SandboxBackbone.start(config, Clock.systemUTC());
        } catch (SandboxDatabase.StoreInUseException e) {
            spec.commandLine().getErr().println(e.getMessage() + ". Stop it, or give this one its own database with --db.");
            return 1;
        } catch (SandboxDatabase.IncompatibleSchemaException e) {
            // A database someone named is theirs: say what is wrong and leave it as it is.
            spec.commandLine().getErr().println(e.getMessage() + ". Use a fresh database with --db, "
                    + "or the version of Spine Console that wrote this one.");
            return 1;
        } catch (RuntimeException e) {
            if (db == null) {
                throw e;
            }
            spec.commandLine().getErr().println("The database " + redactedUrl(db) + " could not be used: "
                    + rootMessage(e) + ". Check --db, --db-user and SPINE_SANDBOX_DB_PASSWORD.");
            return 2;
        }
        Path tokens = tokenFile != null ? tokenFile : dirs.data().resolve("sandbox-admin.token");
        boolean created = sandbox.ensureAdminTokenFile(tokens);
        var log = LoggerFactory.getLogger(SandboxCommand.class);
        log.info("Admin API at {}/api/v1 — admin token {} {}", sandbox.baseUrl(),
                created ? "written to" : "already in", tokens);
        if (traffic > 0 && (feed == null || feed.publish())) {
            sandbox.traffic().start(traffic);  // with a feed, to the topic
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "sandbox-shutdown"));
        stopped.await();
        return 0;
    }

    /** Opens one connection and closes it: null when it worked, else why not in a sentence (no stack trace). */
    static String probe(String url, String user, String password) {
        java.util.Properties props = new java.util.Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        java.sql.DriverManager.setLoginTimeout(10);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, props)) {
            return null;
        } catch (java.sql.SQLException | RuntimeException e) {
            return rootMessage(e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        m = m.strip().lines().findFirst().orElse("");
        return redactedUrl(m.endsWith(".") ? m.substring(0, m.length() - 1) : m);
    }

    /** A JDBC URL (or a message quoting one) with any password in it masked. */
    static String redactedUrl(String text) {
        return text.replaceAll("(?i)(password=)[^&;\\s]*", "$1***");
    }

    /** The Kafka feed as the options say; null without {@code --kafka}. */
    private FeedSettings feedSettings() {
        if (kafka == null) {
            if (topic != null || kafkaPublish) {
                throw new IllegalArgumentException("--topic and --kafka-publish need --kafka.");
            }
            return null;
        }
        if (topic == null) {
            throw new IllegalArgumentException("--kafka needs --topic: the topic of message events to consume.");
        }
        return new FeedSettings(kafka, topic, kafkaGroup, kafkaPublish);
    }

    /** Single sign-on as the options say; null without {@code --oidc-issuer}. */
    private OidcSettings oidcSettings() {
        if (oidcIssuer == null) {
            if (oidcAudience != null || oidcRoleValues != null) {
                throw new IllegalArgumentException("--oidc-audience and --oidc-role-value need --oidc-issuer.");
            }
            return null;
        }
        if (oidcAudience == null) {
            throw new IllegalArgumentException("--oidc-issuer needs --oidc-audience: the aud value the issuer puts "
                    + "in access tokens meant for this server.");
        }
        return new OidcSettings(oidcIssuer, oidcAudience, oidcRoleClaim, OidcSettings.roleValues(oidcRoleValues), null);
    }

    /** The key store's password: from the environment, else asked for on the terminal; null if neither. */
    private static String tlsPassword() {
        String fromEnvironment = System.getenv(TLS_PASSWORD_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment;
        }
        java.io.Console console = System.console();
        if (console == null) {
            throw new IllegalArgumentException("The key store's password is needed: set "
                    + TLS_PASSWORD_VARIABLE + ", or start the sandbox from a terminal to be asked for it.");
        }
        char[] typed = console.readPassword("Password of the TLS key store: ");
        return typed == null ? null : new String(typed);
    }
}
