package io.spineconsole.ui.common;

import io.spineconsole.domain.RuleIssue;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Every user-visible string, from {@code i18n/messages.properties}. Keys are checked by a test. */
public final class I18n {
    public static final String BUNDLE = "io.spineconsole.i18n.messages";
    private final ResourceBundle bundle;
    private final Locale locale;

    public I18n(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale);
    }

    /** The text for {@code key}, with {@code {0}}-style arguments filled in. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            // A missing key is a bug the i18n test catches; show the key rather than fail the UI.
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** The words for a domain rule's issue ({@code rule.<code>}, with its arguments). */
    public String rule(RuleIssue issue) {
        return get(issue.code().key(), issue.args().toArray());
    }

    public Locale locale() {
        return locale;
    }
}
