package io.spineconsole.domain.messages;

/**
 * Why a message is redelivered. {@code force} (null: false) redelivers it even though a copy of it is in
 * flight or was delivered; the reason then says why a second copy is right, and the audit entry names
 * the copies it went past.
 */
public record RedeliverRequest(String reason, Boolean force) {
    /** An ordinary redelivery, not forced (a factory: a one-argument constructor would read a bare JSON string). */
    public static RedeliverRequest of(String reason) {
        return new RedeliverRequest(reason, null);
    }

    public boolean forced() {
        return Boolean.TRUE.equals(force);
    }
}
