package io.spineconsole.ui.common;

import io.spineconsole.api.Intent;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Reasons typed for actions that did not go through (offline, refused, overtaken by someone
 * else's change), kept so the next confirmation of the same action starts with the same words
 * instead of an empty box; and, with each, the intent it was sent as, so sending it again with the
 * same words is the same intent (the same Idempotency-Key: if the first attempt did go through, the
 * server answers it instead of acting twice). A reason and its intent are forgotten once the action
 * succeeds. UI thread only.
 */
public final class UnsentReasons {
    private final Map<String, Draft> byAction = new HashMap<>();

    /** A reason not yet known to have gone through, and the intent it went (or will go) out as. */
    private record Draft(String reason, Intent intent) {
    }

    /** {@code c}, starting with the reason last sent for {@code action} if that did not go through. */
    public Confirmation prefill(String action, Confirmation c) {
        Draft unsent = byAction.get(action);
        return unsent == null ? c : c.withDraftReason(unsent.reason());
    }

    /** Called as {@code action} is sent with {@code reason}: kept until {@link #sent} says it went through. */
    public void sending(String action, String reason) {
        intent(action, reason);
    }

    /**
     * The intent to send {@code action} with {@code reason} as: the one it was last sent as with these
     * same words (a "Try again", or the dialog opened again and sent unchanged), or a new one, kept with
     * the reason until {@link #sent}.
     */
    public Intent intent(String action, String reason) {
        Draft draft = byAction.get(action);
        if (draft != null && Objects.equals(draft.reason(), reason)) {
            return draft.intent();
        }
        Intent fresh = Intent.fresh();
        if (reason != null && !reason.isBlank()) {
            byAction.put(action, new Draft(reason, fresh));
        }
        return fresh;
    }

    /** Called when {@code action} succeeded: its reason is not offered again, and its intent is done. */
    public void sent(String action) {
        byAction.remove(action);
    }
}
