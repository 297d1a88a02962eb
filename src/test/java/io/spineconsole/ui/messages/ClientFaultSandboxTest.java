package io.spineconsole.ui.messages;

import io.spineconsole.api.http.HttpBackboneApi;
import io.spineconsole.api.http.HttpTransport;
import io.spineconsole.domain.Role;
import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.UiExecutor;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.SocketException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Client faults against a real sandbox: the connection is reset after the server committed a
 * redelivery but before its answer reached the console. The console's retry, automatic or a "Try
 * again", goes with the same Idempotency-Key; the message is redelivered once, in the store and in
 * the audit log, and the console shows that it went through.
 */
class ClientFaultSandboxTest {
    private static SandboxFixture sandbox;
    private static String token;
    private static final AtomicInteger SERIAL = new AtomicInteger();
    private final I18n i18n = new I18n(Locale.UK);
    private final UiExecutor ui = new UiExecutor(Runnable::run);
    private final MessageText text = new MessageText(i18n, Clock.systemUTC());
    /** Answers still to lose: the request reaches the server and is carried out, the answer is reset away. */
    private final AtomicInteger resets = new AtomicInteger();
    private final List<String> keysSent = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.startTiny();
        token = sandbox.backbone().tokens().create("operator-" + UUID.randomUUID(), Role.OPERATOR);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    /** A client whose redelivery answers are lost while {@link #resets} says so. */
    private HttpBackboneApi client(int attempts) {
        Interceptor lossy = chain -> {
            boolean redeliver = chain.request().method().equals("POST")
                    && chain.request().url().encodedPath().endsWith("/redeliver");
            if (redeliver) {
                keysSent.add(chain.request().header("Idempotency-Key"));
            }
            Response answer = chain.proceed(chain.request());
            if (redeliver && resets.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                answer.close(); // committed on the server; the console never hears of it
                throw new SocketException("Connection reset");
            }
            return answer;
        };
        HttpBackboneApi.HttpClientOptions options = new HttpBackboneApi.HttpClientOptions(Duration.ofSeconds(5),
                Duration.ofSeconds(15), Duration.ofSeconds(30),
                new HttpTransport.RetryPolicy(attempts, Duration.ofMillis(20), Duration.ofMillis(100)))
                .withInterceptor(lossy);
        return new HttpBackboneApi(sandbox.baseUrl(), () -> token, options);
    }

    private MessageDetailViewModel detailOf(HttpBackboneApi api, UUID id) throws InterruptedException {
        MessageDetailViewModel detail = new MessageDetailViewModel(ui, i18n, text);
        detail.connect(TestServices.context(api, Role.OPERATOR));
        detail.open(id);
        // Shown, and known to be redeliverable (the last thing the model works out once a message arrives).
        await(() -> detail.redelivery().redeliverableProperty().get());
        return detail;
    }

    @Test
    void aResetAfterTheServerCommittedIsRetriedWithTheSameKeyAndRedeliversOnce() throws Exception {
        UUID original = unredelivered();
        resets.set(1);
        try (HttpBackboneApi api = client(4)) {
            MessageDetailViewModel detail = detailOf(api, original);
            detail.redeliver("Receiver certificate renewed (INC0000417)", copy -> { });
            await(() -> !detail.actionResultProperty().get().isEmpty() || !detail.actionErrorProperty().get().isEmpty(),
                    () -> "keys " + keysSent + ", busy " + detail.busyProperty().get() + ", unknown "
                            + detail.redelivery().outcomeUnknownProperty().get());

            assertEquals("", detail.actionErrorProperty().get());
            assertTrue(detail.actionResultProperty().get().startsWith("Redelivered as"), detail.actionResultProperty().get());
            assertEquals(2, keysSent.size(), "sent twice: the answer to the first was lost");
            assertEquals(keysSent.get(0), keysSent.get(1), "with one Idempotency-Key");
            assertRedeliveredOnce(original);
        }
    }

    @Test
    void whenEveryAnswerIsLostTheConsoleSaysSoAndTryAgainShowsItWentThroughOnce() throws Exception {
        UUID original = unredelivered();
        resets.set(Integer.MAX_VALUE);
        try (HttpBackboneApi api = client(2)) {
            MessageDetailViewModel detail = detailOf(api, original);
            RedeliveryAction r = detail.redelivery();
            r.redeliver("Receiver certificate renewed (INC0000418)", false, copy -> { });
            await(() -> r.outcomeUnknownProperty().get());
            assertEquals(i18n.get("messages.redeliver.outcomeUnknown"), r.errorProperty().get());
            assertRedeliveredOnce(original); // it did go through, though nobody could tell

            resets.set(0); // the network is back
            r.tryAgain();
            await(() -> !r.resultProperty().get().isEmpty() || (!r.busyProperty().get() && !r.outcomeUnknownProperty().get()));
            assertFalse(r.outcomeUnknownProperty().get());
            assertEquals("", r.errorProperty().get(), "not refused as already redelivered: it is the same intent");
            assertTrue(r.resultProperty().get().contains("once"), r.resultProperty().get());
            assertEquals(1, keysSent.stream().distinct().count(), "every attempt with one key: " + keysSent);
            assertTrue(keysSent.size() >= 3);
            assertRedeliveredOnce(original);
        }
    }

    private void assertRedeliveredOnce(UUID original) {
        Sql sql = new Sql(sandbox.backbone().database().dataSource());
        assertEquals(1, sql.count("SELECT COUNT(*) FROM message WHERE redelivery_of = ?", original), "copies in the store");
        assertEquals(1, sql.count("SELECT COUNT(*) FROM audit_event WHERE action = 'redeliver' AND entity_id = ?",
                original.toString().toUpperCase(Locale.ROOT)), "audit entries");
    }

    /** A failed message nobody has redelivered, a different one for each test. */
    private static UUID unredelivered() {
        Sql sql = new Sql(sandbox.backbone().database().dataSource());
        List<UUID> ids = sql.list("SELECT message_id FROM message m WHERE status IN ('dead-lettered', 'nacked', "
                + "'transmission-failed', 'expired') AND redelivery_of IS NULL AND NOT EXISTS (SELECT 1 FROM message c "
                + "WHERE c.redelivery_of = m.message_id) ORDER BY created_at, message_id FETCH FIRST 20 ROWS ONLY",
                row -> row.getObject(1, UUID.class));
        return ids.get(SERIAL.getAndIncrement());
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        await(condition, () -> "");
    }

    private static void await(BooleanSupplier condition, java.util.function.Supplier<String> state)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out; " + state.get());
            }
            Thread.sleep(20);
        }
    }
}
