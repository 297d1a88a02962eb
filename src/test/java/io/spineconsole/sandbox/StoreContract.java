package io.spineconsole.sandbox;

import org.junit.jupiter.api.TestInstance;

/**
 * The one way to run a suite on both stores: write its tests once in an abstract
 * {@code XContract extends StoreContract} that reads {@link #store} where the stores differ, and
 * give it two one-line subclasses, {@code XH2Test} and {@code XPostgresTest}, that name the store.
 * <pre>{@code
 * class MessageRoutesPostgresTest extends MessageRoutesContract {
 *     MessageRoutesPostgresTest() {
 *         super(TestStore.POSTGRES);
 *     }
 * }
 * }</pre>
 * Each subclass is a class of its own in the reports (a failure names its store) and
 * {@code -Dtest='*PostgresTest'} runs every suite on PostgreSQL alone. One test instance serves
 * the whole class, so a contract starts its sandbox once, in a non-static {@code @BeforeAll}
 * ({@code store.startSandbox()}), and closes it in {@code @AfterAll}. {@code StoreContractsTest}
 * checks that every contract has both subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StoreContract {
    /** The store this run of the suite is on. */
    protected final TestStore store;

    protected StoreContract(TestStore store) {
        this.store = store;
    }
}
