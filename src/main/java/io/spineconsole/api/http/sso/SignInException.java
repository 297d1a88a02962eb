package io.spineconsole.api.http.sso;

/** Single sign-on did not work; {@link #reason()} says why, for the console to word. */
public final class SignInException extends RuntimeException {
    /** Why a sign-in or a silent refresh failed. */
    public enum Reason {
        /** The issuer's discovery document, token or revocation endpoint could not be reached. */
        ISSUER_UNREACHABLE,
        /** The person cancelled or was refused at the issuer (an {@code error} on the redirect). */
        DENIED,
        /** No answer came back to the console within the time allowed. */
        TIMED_OUT,
        /** The issuer refused the code or the refresh token (expired, revoked, or for another client). */
        REFUSED
    }

    private final Reason reason;

    public SignInException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
