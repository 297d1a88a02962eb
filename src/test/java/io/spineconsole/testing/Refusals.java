package io.spineconsole.testing;

import io.spineconsole.api.ApiException;

import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** What a refused API call failed with, for tests that call the client and join. */
public final class Refusals {
    private Refusals() {
    }

    /** Runs {@code call}, which must fail by joining a refused request, and returns the refusal. */
    public static ApiException refusal(Runnable call) {
        return (ApiException) assertThrows(CompletionException.class, call::run).getCause();
    }
}
