package io.spineconsole.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Objects;
import java.util.function.Function;

/**
 * One form field in a view model: its text, the rule it is checked against as the user types, and the
 * server's verdict on it (shown until the user changes the text). Knows whether it differs from the
 * value it was loaded with, for the unsaved-changes guard. No JavaFX nodes: views bind to it.
 */
public final class ValidatedField {
    private final StringProperty value = new SimpleStringProperty("");
    private final StringProperty serverError = new SimpleStringProperty("");
    private final StringProperty baseline = new SimpleStringProperty("");
    private final StringBinding error;
    private final BooleanBinding dirty;

    /** @param rule the problem with a value, in a sentence, or "" when it is fine */
    public ValidatedField(Function<String, String> rule) {
        Objects.requireNonNull(rule, "rule");
        value.addListener((o, a, b) -> serverError.set(""));
        error = Bindings.createStringBinding(() -> {
            if (!serverError.get().isEmpty()) {
                return serverError.get();
            }
            String problem = rule.apply(value.get() == null ? "" : value.get());
            return problem == null ? "" : problem;
        }, value, serverError);
        dirty = Bindings.createBooleanBinding(() -> !Objects.equals(norm(value.get()), norm(baseline.get())),
                value, baseline);
    }

    /** A field with no rule of its own (the server still judges it). */
    public static ValidatedField free() {
        return new ValidatedField(v -> "");
    }

    /** Sets the text and takes it as the unchanged state (a record was loaded, or saved). */
    public void reset(String loaded) {
        String v = loaded == null ? "" : loaded;
        value.set(v);
        baseline.set(v);
        serverError.set("");
    }

    /** Shows the server's reason this value was refused, until the user edits it. */
    public void showServerError(String message) {
        serverError.set(message == null ? "" : message);
    }

    public StringProperty valueProperty() {
        return value;
    }

    public String value() {
        return value.get() == null ? "" : value.get();
    }

    /** The text, trimmed; null when blank (for optional fields). */
    public String valueOrNull() {
        String v = value().strip();
        return v.isEmpty() ? null : v;
    }

    /** The problem to show beside the field, or "". */
    public StringBinding errorProperty() {
        return error;
    }

    public boolean isValid() {
        return error.get().isEmpty();
    }

    /** True when the text differs from what was loaded. */
    public BooleanBinding dirtyProperty() {
        return dirty;
    }

    public boolean isDirty() {
        return dirty.get();
    }

    private static String norm(String s) {
        return s == null ? "" : s.strip();
    }
}
