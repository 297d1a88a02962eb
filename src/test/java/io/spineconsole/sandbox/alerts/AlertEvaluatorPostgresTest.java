package io.spineconsole.sandbox.alerts;

import io.spineconsole.sandbox.TestStore;

/** The alert evaluator at simulated time, on the PostgreSQL store. */
class AlertEvaluatorPostgresTest extends AlertEvaluatorContract {
    AlertEvaluatorPostgresTest() {
        super(TestStore.POSTGRES);
    }
}
