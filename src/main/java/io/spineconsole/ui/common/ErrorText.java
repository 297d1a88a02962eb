package io.spineconsole.ui.common;

import io.spineconsole.api.ApiException;

/**
 * Turns any failure into what the UI shows: a sentence a person understands, and the raw detail
 * for the "copy" button.
 */
public final class ErrorText {
    private ErrorText() {
    }

    /** What went wrong, in one or two sentences. */
    public static String sentence(I18n i18n, Throwable failure) {
        ApiException api = ApiException.unwrap(failure);
        if (api == null) {
            return i18n.get("error.unexpected");
        }
        String advice = i18n.get("error." + api.kind().name().toLowerCase(java.util.Locale.ROOT));
        return api.getMessage() == null || api.getMessage().isBlank() ? advice : advice + " " + api.getMessage();
    }

    /** Everything a support engineer needs, for copying. */
    public static String detail(Throwable failure) {
        ApiException api = ApiException.unwrap(failure);
        if (api != null) {
            return api.detail();
        }
        return failure.getClass().getName() + ": " + failure.getMessage();
    }
}
