package io.spineconsole.ui.common;

import java.util.HashMap;
import java.util.Map;

/**
 * Reasons typed for actions that did not go through (offline, refused, overtaken by someone
 * else's change), kept so the next confirmation of the same action starts with the same words
 * instead of an empty box. A reason is forgotten once its action succeeds. UI thread only.
 */
public final class UnsentReasons {
    private final Map<String, String> byAction = new HashMap<>();

    /** {@code c}, starting with the reason last sent for {@code action} if that did not go through. */
    public Confirmation prefill(String action, Confirmation c) {
        String unsent = byAction.get(action);
        return unsent == null ? c : c.withDraftReason(unsent);
    }

    /** Called as {@code action} is sent with {@code reason}: kept until {@link #sent} says it went through. */
    public void sending(String action, String reason) {
        if (reason != null && !reason.isBlank()) {
            byAction.put(action, reason);
        }
    }

    /** Called when {@code action} succeeded: its reason is not offered again. */
    public void sent(String action) {
        byAction.remove(action);
    }
}
