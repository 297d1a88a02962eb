package io.spineconsole.ui.admin;

import io.spineconsole.api.http.HttpBackboneApi;
import io.spineconsole.domain.Principal;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.audit.AuditEntry;
import io.spineconsole.domain.audit.AuditQuery;
import io.spineconsole.domain.tokens.Token;
import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.settings.EnvironmentKind;
import io.spineconsole.testing.FakeBackboneApi;
import io.spineconsole.ui.common.Confirmation;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.LoadState;
import io.spineconsole.ui.common.WorkspaceContext;
import io.spineconsole.testing.TestUiThread;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Token administration as an admin does it, on a real sandbox over HTTP; one thread plays the UI thread. */
class TokensViewModelTest {
    private static SandboxFixture sandbox;
    private static HttpBackboneApi api;
    private final TestUiThread uiThread = new TestUiThread();
    private final Clock clock = Clock.system(ZoneOffset.UTC);
    private TokensViewModel model;

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.startTiny();
        api = new HttpBackboneApi(sandbox.baseUrl(), sandbox::adminToken, HttpBackboneApi.HttpClientOptions.defaults());
    }

    @AfterAll
    static void stop() {
        api.close();
        sandbox.close();
    }

    @BeforeEach
    void create() {
        model = new TokensViewModel(uiThread.executor(), new I18n(Locale.UK), clock, ZoneOffset.UTC);
    }

    @AfterEach
    void shutDown() {
        uiThread.close();
    }

    private WorkspaceContext context(EnvironmentKind kind) {
        return new WorkspaceContext(api, api.me().join(), "test", "LIVE Spine", kind);
    }

    private Token row(String name) {
        return call(() -> find(name));
    }

    /** On the UI thread only. */
    private Token find(String name) {
        return model.snapshot().stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }

    @Test
    void anAdminIssuesATokenToAPersonAndSeesItsSecretOnceThenNeverAgain() {
        run(() -> model.connect(context(EnvironmentKind.SANDBOX)));
        await("the tokens", () -> model.stateProperty().get() == LoadState.LOADED);
        int before = call(() -> model.tokens().size());

        call(() -> model.issue("ward.viewer", "Ann Smith <ann.smith@nhs.net>", Role.VIEWER,
                LocalDate.now(clock).plusDays(30), "Joined the ward's support rota"));
        await("the secret", () -> model.issuedProperty().get() != null);
        String secret = call(() -> model.issuedProperty().get().secret());
        assertTrue(secret.startsWith("spc_"), secret);
        await("the new row", () -> model.tokens().size() == before + 1);
        Token issued = row("ward.viewer");
        assertEquals("Ann Smith <ann.smith@nhs.net>", issued.owner());
        assertEquals(LocalDate.now(clock).plusDays(31).atStartOfDay(ZoneOffset.UTC).toInstant(), issued.expiresAt(),
                "a token expires at the end of the day chosen");
        assertEquals("Active", call(() -> model.status(issued)));

        run(model::dismissSecret);
        assertNull(call(() -> model.issuedProperty().get()), "dismissed, the secret is gone");
        run(model::load);
        await("reloaded", () -> model.stateProperty().get() == LoadState.LOADED);
        assertNull(call(() -> model.issuedProperty().get()), "and no reload brings it back");
        assertTrue(call(() -> model.snapshot().stream().noneMatch(t -> t.toString().contains(secret))));

        List<AuditEntry> audit = api.audit().search(new AuditQuery("token", Long.toString(issued.id()), null, null,
                null, null, false, 10, null)).join().items();
        assertTrue(audit.stream().anyMatch(e -> e.action().equals("create")
                && "Joined the ward's support rota".equals(e.reason())), audit.toString());
    }

    @Test
    void badIssueInputIsNamedAndNothingIsSent() {
        run(() -> model.connect(context(EnvironmentKind.SANDBOX)));
        await("the tokens", () -> model.stateProperty().get() == LoadState.LOADED);
        long tokens = api.tokens().list(null, true, 500, null).join().items().size();
        assertEquals("Give the token a name.", call(() -> model.checkIssue(" ", "Ann", Role.VIEWER, null)).orElseThrow());
        assertEquals("Name the person answerable for the token.",
                call(() -> model.checkIssue("x", "", Role.VIEWER, null)).orElseThrow());
        assertTrue(call(() -> model.checkIssue("x", "Ann", Role.VIEWER, LocalDate.now(clock).minusDays(1)))
                .orElseThrow().contains("revoke"));
        call(() -> model.issue("x", "", Role.ADMIN, null, null));
        assertEquals("Name the person answerable for the token.", call(() -> model.errorProperty().get()));
        assertEquals(tokens, api.tokens().list(null, true, 500, null).join().items().size(), "nothing was issued");
    }

    @Test
    void onLiveRevokingAndIssuingAnAdminTokenAskForTheEnvironmentsNameAndEveryChangeAsksWhy() {
        run(() -> model.connect(context(EnvironmentKind.LIVE)));
        await("the tokens", () -> model.stateProperty().get() == LoadState.LOADED);
        Confirmation admin = call(() -> model.issueConfirmation("new.admin", "Bob", Role.ADMIN));
        assertEquals("LIVE Spine", admin.typeToConfirm());
        assertNull(call(() -> model.issueConfirmation("a.viewer", "Bob", Role.VIEWER)).typeToConfirm());
        Token any = call(() -> model.tokens().get(0));
        Confirmation revoke = call(() -> model.revokeConfirmation(any));
        assertEquals("LIVE Spine", revoke.typeToConfirm());
        assertTrue(revoke.reasonRequired() && revoke.destructive());
        assertFalse(revoke.accepts("LIVE Spine", " "), "no reason, no revoking");
        assertTrue(call(() -> model.expiryConfirmation(any, null)).reasonRequired());
    }

    @Test
    void anExpiryIsSetThenTheTokenRevokedAndARevokedOneIsShownOnlyWhenAskedFor() {
        String secret = sandbox.backbone().tokens().create("contractor.bob", Role.OPERATOR);
        assertNotNull(secret);
        run(() -> model.connect(context(EnvironmentKind.SANDBOX)));
        await("the token", () -> find("contractor.bob") != null);
        Token bob = row("contractor.bob");
        LocalDate day = LocalDate.now(clock).plusDays(7);
        call(() -> model.setExpiry(bob, day, "Contract ends next week"));
        await("the expiry", () -> find("contractor.bob").expiresAt() != null);
        assertEquals(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), row("contractor.bob").expiresAt());
        assertEquals("Expiry of token \"contractor.bob\" set.", call(() -> model.noticeProperty().get()));

        call(() -> model.revoke(bob, "Stale version")); // the version shown before the expiry changed
        await("the refusal", () -> !model.errorProperty().get().isEmpty());
        assertNull(row("contractor.bob").revokedAt(), "a stale revoke changes nothing");

        Token current = row("contractor.bob");
        call(() -> model.revoke(current, "Contract ended early"));
        await("revoked and gone from the live list", () -> find("contractor.bob") == null);
        run(() -> model.includeRevokedProperty().set(true));
        await("shown when asked", () -> find("contractor.bob") != null);
        Token revoked = row("contractor.bob");
        assertEquals("Contract ended early", revoked.revokeReason());
        assertEquals("Revoked", call(() -> model.status(revoked)));
        assertFalse(TokensViewModel.changeable(revoked));
    }

    @Test
    void aViewerOrOperatorIsNotShownTokensAndNoCallIsMade() {
        for (Role role : new Role[]{Role.VIEWER, Role.OPERATOR}) {
            // the fake's token calls are not faked: any call would fail the test
            FakeBackboneApi fake = new FakeBackboneApi(role);
            run(() -> model.connect(new WorkspaceContext(fake, new Principal("Tester", role, 1), "test", "INT",
                    EnvironmentKind.INT)));
            assertFalse(call(model::available));
            assertEquals(LoadState.IDLE, call(() -> model.stateProperty().get()));
            run(model::load);
            assertTrue(call(() -> model.tokens().isEmpty()));
        }
    }

    private <T> T call(java.util.concurrent.Callable<T> work) {
        return uiThread.call(work);
    }

    private void run(Runnable work) {
        uiThread.run(work);
    }

    private void await(String what, java.util.function.BooleanSupplier condition) {
        uiThread.await(what, condition);
    }
}
