package io.spineconsole.app;

import io.spineconsole.platform.BuildInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line's contract: a clear message and exit code 2 for every bad argument. */
class LauncherTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Launcher.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void versionNamesTheAppAndExitsZero() {
        assertEquals(0, run("--version"));
        assertTrue(out.toString().startsWith(BuildInfo.NAME + " " + BuildInfo.version()), out.toString());
    }

    @Test
    void helpDescribesTheSandboxSubcommand() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("sandbox"));
        assertTrue(out.toString().contains("--server"));
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertEquals(2, run("--frobnicate"));
        assertTrue(err.toString().contains("--frobnicate"), err.toString());
    }

    @Test
    void aBadServerUrlIsAUsageError() {
        assertEquals(2, run("--server", "not a url"));
        assertTrue(err.toString().contains("--server must be an absolute http(s) URL"), err.toString());
    }

    @Test
    void anUnknownEnvironmentIsAUsageError() {
        assertEquals(2, run("--server", "https://x.example", "--environment", "prod"));
        assertTrue(err.toString().contains("--environment must be int, dep or live"), err.toString());
    }

    @Test
    void aTokenFileNeedsAServerAndMustHoldAToken(@TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("token"), "  \n");
        assertEquals(2, run("--token-file", empty.toString()));
        assertEquals(2, run("--server", "https://x.example", "--token-file", empty.toString()));
        assertTrue(err.toString().contains("is empty"), err.toString());
        assertEquals(2, run("--server", "https://x.example", "--token-file", dir.resolve("missing").toString()));
    }

    @Test
    void theTokenIsNeverACommandLineArgument() {
        assertEquals(2, run("--server", "https://x.example", "--token", "spc_secret"));
    }

    @Test
    void sandboxRejectsAPortOutOfRangeAndANonNumber() {
        assertEquals(2, run("sandbox", "--port", "70000"));
        assertEquals(2, run("sandbox", "--port", "eighty"));
        assertEquals(0, run("sandbox", "--help"));
    }

    @Test
    void plainHttpIsRefusedForLive() {
        assertEquals(2, run("--server", "http://admin-api.example.nhs.uk", "--environment", "live"));
        assertTrue(err.toString().contains("--server must use https for a LIVE environment"), err.toString());
    }

    @Test
    void aBadOrUnreachableDatabaseIsAPlainMessageAndExitTwo() {
        assertEquals(2, run("sandbox", "--db", "postgres://somewhere/db"));
        assertTrue(err.toString().contains("--db must be an H2 or PostgreSQL JDBC URL"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, run("sandbox", "--db", "jdbc:postgresql://127.0.0.1:1/spine?password=hunter2"));
        String said = err.toString();
        assertTrue(said.contains("could not be opened"), said);
        assertTrue(!said.contains("\tat ") && !said.contains("Exception"), "no stack trace: " + said);
        assertTrue(!said.contains("hunter2"), "the password is masked: " + said);
    }

    @Test
    void sandboxRefusesPlainHttpBeyondLoopbackAndTakesNoTlsPasswordOnTheCommandLine(@TempDir Path dir) {
        assertEquals(2, run("sandbox", "--bind", "0.0.0.0", "--port", "0"));
        assertTrue(err.toString().contains("Refusing to serve plain HTTP on 0.0.0.0"), err.toString());
        assertTrue(err.toString().contains("--insecure-plain-http"), err.toString());
        assertEquals(2, run("sandbox", "--tls-client-ca", dir.resolve("ca.pem").toString()));
        assertTrue(err.toString().contains("--tls-client-ca needs --tls-keystore"), err.toString());
        assertEquals(2, run("sandbox", "--tls-keystore", dir.resolve("s.p12").toString(), "--tls-password", "x"));
        assertTrue(run("sandbox", "--help") == 0 && out.toString().contains("SPINE_SANDBOX_TLS_PASSWORD"), out.toString());
    }

    @Test
    void singleSignOnOptionsAreCheckedBeforeTheSandboxStarts() {
        assertEquals(2, run("sandbox", "--oidc-issuer", "https://idp.example.org/realm"));
        assertTrue(err.toString().contains("--oidc-issuer needs --oidc-audience"), err.toString());
        assertEquals(2, run("sandbox", "--oidc-issuer", "http://idp.example.org/realm", "--oidc-audience", "spine"));
        assertTrue(err.toString().contains("must be an https:// URL"), err.toString());
        assertEquals(2, run("sandbox", "--oidc-issuer", "https://idp.example.org/realm", "--oidc-audience", "spine",
                "--oidc-role-value", "boss=R1"));
        assertTrue(err.toString().contains("boss=R1"), err.toString());
        assertEquals(2, run("sandbox", "--oidc-audience", "spine"));
        assertTrue(err.toString().contains("need --oidc-issuer"), err.toString());
        assertTrue(run("sandbox", "--help") == 0 && out.toString().contains("--oidc-role-claim"), out.toString());
    }
}
