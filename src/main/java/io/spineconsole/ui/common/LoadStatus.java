package io.spineconsole.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.function.Function;

/**
 * What a view shows about its data, read-only: the {@link LoadState}, and the last error in a
 * sentence and in detail (for a ticket). {@link LatestLoad} and {@link PagedList} keep one each;
 * views bind to it (usually through {@link Placeholder}) and never set it. UI thread only.
 */
public final class LoadStatus {
    private final ObjectProperty<LoadState> state = new SimpleObjectProperty<>(LoadState.IDLE);
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty errorDetail = new SimpleStringProperty("");
    private Runnable retry = () -> { };
    private Function<Throwable, String> sentence;
    private Function<Throwable, String> detail = ErrorText::detail;

    LoadStatus(I18n i18n) {
        this.sentence = failure -> ErrorText.sentence(i18n, failure);
    }

    public ReadOnlyObjectProperty<LoadState> stateProperty() {
        return state;
    }

    public LoadState state() {
        return state.get();
    }

    /** The last failure in words, or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    /** The last failure's detail (status, code, request id) for a ticket, or empty. */
    public ReadOnlyStringProperty errorDetailProperty() {
        return errorDetail;
    }

    /** True while the first answer is awaited with nothing on screen. */
    public BooleanBinding loading() {
        return Bindings.createBooleanBinding(() -> state.get() == LoadState.LOADING, state);
    }

    /** True while the last load failed. */
    public BooleanBinding failed() {
        return Bindings.createBooleanBinding(() -> state.get() == LoadState.FAILED, state);
    }

    /** Runs the load that failed (or the last one) again: what a placeholder's Retry does. */
    public void retry() {
        retry.run();
    }

    void retryWith(Runnable action) {
        retry = action;
    }

    void explainWith(Function<Throwable, String> newSentence, Function<Throwable, String> newDetail) {
        sentence = newSentence;
        detail = newDetail;
    }

    void set(LoadState newState) {
        state.set(newState);
    }

    void succeeded(LoadState newState) {
        error.set("");
        errorDetail.set("");
        state.set(newState);
    }

    void failed(Throwable failure) {
        error.set(sentence.apply(failure));
        errorDetail.set(detail.apply(failure));
        state.set(LoadState.FAILED);
    }

    /** Shows a follow-up call's failure (the next page) without changing the state: what is shown stays. */
    void failedAlongside(Throwable failure) {
        error.set(sentence.apply(failure));
        errorDetail.set(detail.apply(failure));
    }

    void reset() {
        error.set("");
        errorDetail.set("");
        state.set(LoadState.IDLE);
    }
}
