package io.spineconsole.sandbox.alerts;

import io.spineconsole.sandbox.TestStore;

/** The alert evaluator at simulated time, on the H2 store. */
class AlertEvaluatorH2Test extends AlertEvaluatorContract {
    AlertEvaluatorH2Test() {
        super(TestStore.H2);
    }
}
