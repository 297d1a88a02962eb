package io.spineconsole.ui.messages;

import io.spineconsole.api.MessagesApi;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.messages.ExportFormat;
import io.spineconsole.domain.messages.ExportResult;
import io.spineconsole.domain.messages.MessageSearch;
import io.spineconsole.ui.common.ErrorText;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.LoadState;
import io.spineconsole.ui.common.UiExecutor;
import io.spineconsole.ui.common.ValidatedField;
import io.spineconsole.ui.common.WorkspaceContext;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * A governed export of the search's messages: metadata only (payloads never leave), for operators,
 * audited by the server, streamed straight to a file so any size works, and cancellable.
 */
public final class ExportViewModel {
    static final int MAX_ROWS = 1_000_000;
    static final int DEFAULT_ROWS = 100_000;

    private final UiExecutor ui;
    private final I18n i18n;
    private final MessageText text;
    private final Clock clock;
    private final ObjectProperty<ExportFormat> format = new SimpleObjectProperty<>(ExportFormat.CSV);
    private final ValidatedField maxRows;
    private final ObjectProperty<LoadState> state = new SimpleObjectProperty<>(LoadState.IDLE);
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty errorDetail = new SimpleStringProperty("");
    private final LongProperty bytes = new SimpleLongProperty();
    private final ObjectProperty<Path> target = new SimpleObjectProperty<>();
    private final BooleanProperty mayExport = new SimpleBooleanProperty();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final StringProperty capNote = new SimpleStringProperty("");
    private final BooleanProperty truncated = new SimpleBooleanProperty();
    private WorkspaceContext context;
    private CompletableFuture<ExportResult> inFlight;

    public ExportViewModel(UiExecutor ui, I18n i18n, MessageText text) {
        this.ui = ui;
        this.i18n = i18n;
        this.text = text;
        this.clock = text.clock();
        maxRows = new ValidatedField(v -> {
            try {
                int n = Integer.parseInt(v.strip());
                return n >= 1 && n <= MAX_ROWS ? "" : i18n.get("messages.export.error.rows", text.count(MAX_ROWS));
            } catch (NumberFormatException e) {
                return i18n.get("messages.export.error.rows", text.count(MAX_ROWS));
            }
        });
        maxRows.reset(String.valueOf(DEFAULT_ROWS));
        // Before: what the cap means, as the user sets it.
        capNote.bind(javafx.beans.binding.Bindings.createStringBinding(() -> maxRows.isValid()
                ? i18n.get("messages.export.capBefore", text.count(Integer.parseInt(maxRows.value().strip()))) : "",
                maxRows.valueProperty(), maxRows.errorProperty()));
    }

    public void connect(WorkspaceContext newContext) {
        cancel();
        context = newContext;
        mayExport.set(context.may(Role.OPERATOR));
        state.set(LoadState.IDLE);
        status.set("");
        error.set("");
    }

    /** The file name offered: what and when, never who or where. */
    String suggestedFileName() {
        String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").format(clock.instant().atZone(text.zone()));
        return "messages-" + stamp + (format.get() == ExportFormat.CSV ? ".csv" : ".ndjson");
    }

    /** Streams {@code search}'s matches to {@code file}; progress and the outcome show in {@link #statusProperty()}. */
    public boolean start(MessageSearch search, Path file) {
        if (context == null || search == null || running.get() || !maxRows.isValid() || !mayExport.get()) {
            return false;
        }
        MessagesApi api = context.api().messages();
        target.set(file);
        running.set(true);
        state.set(LoadState.LOADING);
        error.set("");
        errorDetail.set("");
        status.set(i18n.get("messages.export.running", file.getFileName().toString()));
        int rows = Integer.parseInt(maxRows.value().strip());
        // "Running" ends last, once the outcome is there to read.
        truncated.set(false);
        inFlight = ui.deliver(api.export(search.withCursor(null), format.get(), rows, file), result -> {
            bytes.set(result.bytes());
            truncated.set(result.truncated());
            state.set(LoadState.LOADED);
            // After: when the cap cut the file short, it says so and how many rows it holds.
            status.set(result.truncated()
                    ? i18n.get("messages.export.doneTruncated", text.bytes(result.bytes()), file.toString(), text.count(rows))
                    : i18n.get("messages.export.done", text.bytes(result.bytes()), file.toString()));
            running.set(false);
        }, failure -> {
            state.set(LoadState.FAILED);
            status.set("");
            error.set(ErrorText.sentence(i18n, failure));
            errorDetail.set(ErrorText.detail(failure));
            running.set(false);
        });
        return true;
    }

    /** Stops the download; nothing half-written is left under the file's name. */
    public void cancel() {
        if (inFlight != null && !inFlight.isDone()) {
            inFlight.cancel(true);
            running.set(false);
            state.set(LoadState.IDLE);
            status.set(i18n.get("messages.export.cancelled"));
        }
        inFlight = null;
    }

    /** Before an export: what the row cap means ("the file holds at most the first … rows"). */
    public StringProperty capNoteProperty() {
        return capNote;
    }

    /** After an export: true when the cap cut it short. */
    public BooleanProperty truncatedProperty() {
        return truncated;
    }

    public ObjectProperty<ExportFormat> formatProperty() {
        return format;
    }

    public ValidatedField maxRows() {
        return maxRows;
    }

    public ObjectProperty<LoadState> stateProperty() {
        return state;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty errorDetailProperty() {
        return errorDetail;
    }

    public LongProperty bytesProperty() {
        return bytes;
    }

    public ObjectProperty<Path> targetProperty() {
        return target;
    }

    public BooleanProperty mayExportProperty() {
        return mayExport;
    }

    public BooleanProperty runningProperty() {
        return running;
    }
}
