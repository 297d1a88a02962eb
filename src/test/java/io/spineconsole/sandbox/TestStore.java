package io.spineconsole.sandbox;

import java.util.UUID;

/**
 * The two stores the sandbox runs on, for suites that check the same behaviour on both (see
 * {@link StoreContract}). H2 is a private in-memory database per call; PostgreSQL is a fresh
 * database on the one embedded server this test JVM shares ({@link PostgresFixture}).
 */
public enum TestStore {
    H2("h2", true) {
        @Override
        public String newDatabase() {
            return "jdbc:h2:mem:sandbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        }
    },
    POSTGRES("postgresql", false) {
        @Override
        public String newDatabase() {
            return PostgresFixture.newDatabase();
        }
    };

    private final String product;
    private final boolean countsExactly;

    TestStore(String product, boolean countsExactly) {
        this.product = product;
        this.countsExactly = countsExactly;
    }

    /** A JDBC URL (credentials included) of a new, empty database on this store. */
    public abstract String newDatabase();

    /** The sandbox on a new database of this store, seeded at {@link SandboxFixture#SMALL} scale. */
    public SandboxFixture startSandbox() {
        return startSandbox(SandboxFixture.SMALL);
    }

    public SandboxFixture startSandbox(SeedData.Scale scale) {
        return SandboxFixture.start(newDatabase(), scale);
    }

    /** The database product as the sandbox names it on its health route. */
    public String product() {
        return product;
    }

    /**
     * True when a search's total is counted (H2, up to a cap); false when it is the planner's
     * estimate (PostgreSQL), as {@code Page.totalIsExact} says.
     */
    public boolean countsExactly() {
        return countsExactly;
    }
}
