package io.spineconsole.ui.registrations;

import io.spineconsole.api.ApiException;
import io.spineconsole.api.RegistrationsApi;
import io.spineconsole.domain.registrations.RecordType;
import io.spineconsole.domain.registrations.RegistrationFilter;
import io.spineconsole.ui.common.ErrorText;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.UiExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.NumberFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Exports what a list shows (its filter, every page of it) to a CSV file or an SDS FHIR bundle,
 * streamed from the server straight into a temporary file beside the target, which replaces the target
 * only when the export completed: a cancelled or failed export leaves no half-written file.
 */
public final class ExportViewModel {
    public enum Format { CSV, FHIR }

    public enum Phase { IDLE, EXPORTING, DONE, CANCELLED, FAILED }

    private final RecordKind<?> kind;
    private final RegistrationFilter filter;
    private final long expected;
    private final RegistrationsApi api;
    private final UiExecutor ui;
    private final I18n i18n;
    private final Executor io;
    private final ObjectProperty<Format> format = new SimpleObjectProperty<>(Format.CSV);
    private final StringProperty path = new SimpleStringProperty("");
    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.IDLE);
    private final LongProperty written = new SimpleLongProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty errorDetail = new SimpleStringProperty("");
    private final BooleanBinding canExport;
    private final AtomicLong counter = new AtomicLong();
    private volatile CompletableFuture<Long> download;
    private CompletableFuture<Path> inFlight;

    /** @param expected the list's (approximate) number of records, to say how big the export will be */
    /** An export against the connected session's registrations API. */
    public static ExportViewModel of(RecordKind<?> kind, RegistrationFilter filter, long expected,
                                     io.spineconsole.ui.common.WorkspaceContext context, UiExecutor ui, I18n i18n,
                                     Executor io) {
        return new ExportViewModel(kind, filter, expected, context.api().registrations(), ui, i18n, io);
    }

    public ExportViewModel(RecordKind<?> kind, RegistrationFilter filter, long expected, RegistrationsApi api,
                           UiExecutor ui, I18n i18n, Executor io) {
        this.kind = kind;
        this.filter = filter;
        this.expected = expected;
        this.api = api;
        this.ui = ui;
        this.i18n = i18n;
        this.io = io;
        canExport = Bindings.createBooleanBinding(() -> phase.get() != Phase.EXPORTING && !path.get().isBlank()
                && formatAllowed(format.get()), phase, path, format);
        format.addListener((o, a, f) -> {
            String p = path.get();
            if (p.endsWith(".csv") && f == Format.FHIR) {
                path.set(p.substring(0, p.length() - 4) + ".json");
            } else if (p.endsWith(".json") && f == Format.CSV) {
                path.set(p.substring(0, p.length() - 5) + ".csv");
            }
        });
    }

    /** SDS FHIR has Devices and Endpoints; organisations export to CSV only. */
    public boolean formatAllowed(Format f) {
        return f == Format.CSV || kind.type() != RecordType.ORGANISATION;
    }

    /** A file name for this export, for the chooser ({@code endpoints-2026-11-30.csv}). */
    public String suggestedName(java.time.LocalDate today) {
        return "registrations-" + kind.path() + "-" + today + (format.get() == Format.CSV ? ".csv" : ".json");
    }

    /** Streams the export into a temporary file and moves it onto the target when complete. */
    public void export() {
        if (!canExport.get()) {
            return;
        }
        Path target;
        try {
            target = Path.of(path.get().strip()).toAbsolutePath();
        } catch (InvalidPathException e) {
            failed(new IOException(i18n.get("registrations.import.badPath", path.get())));
            return;
        }
        Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            phase.set(Phase.FAILED);
            error.set(i18n.get("registrations.export.noFolder", String.valueOf(folder)));
            errorDetail.set(error.get());
            return;
        }
        Format f = format.get();
        phase.set(Phase.EXPORTING);
        error.set("");
        errorDetail.set("");
        counter.set(0);
        written.set(0);
        message.set(i18n.get("registrations.export.running", expectedText()));
        CompletableFuture<Path> done = new CompletableFuture<>();
        inFlight = done;
        io.execute(() -> {
            Path part;
            OutputStream out;
            try {
                part = Files.createTempFile(folder, "." + target.getFileName() + "-", ".part");
                out = new Counting(new BufferedOutputStream(Files.newOutputStream(part)), counter);
            } catch (IOException e) {
                done.completeExceptionally(e);
                return;
            }
            if (done.isCancelled()) {
                closeAndDelete(out, part);
                return;
            }
            CompletableFuture<Long> call = api.export(f == Format.CSV ? "csv" : "fhir", kind.fileType(), filter, out);
            download = call;
            done.whenComplete((v, t) -> {
                if (done.isCancelled()) {
                    call.cancel(true);
                }
            });
            call.whenCompleteAsync((bytes, failure) -> {
                if (failure != null || call.isCancelled()) {
                    closeAndDelete(out, part);
                    done.completeExceptionally(failure != null ? failure : new java.util.concurrent.CancellationException());
                    return;
                }
                try {
                    out.close();
                    move(part, target);
                    done.complete(target);
                } catch (IOException e) {
                    closeAndDelete(out, part);
                    done.completeExceptionally(e);
                }
            }, io);
        });
        ui.deliver(done, file -> {
            pollProgress();
            phase.set(Phase.DONE);
            message.set(i18n.get("registrations.export.done", Labels.size(i18n, written.get()), file.toString()));
        }, this::failed);
    }

    /** Stops the export; the partial file is deleted. */
    public void cancel() {
        if (phase.get() != Phase.EXPORTING) {
            return;
        }
        CompletableFuture<Long> call = download;
        if (call != null) {
            call.cancel(true);
        }
        if (inFlight != null) {
            inFlight.cancel(true);
        }
        phase.set(Phase.CANCELLED);
        message.set(i18n.get("registrations.export.cancelled"));
    }

    /** Copies the bytes written so far into {@link #writtenProperty()} (the view calls it a few times a second). */
    public void pollProgress() {
        written.set(counter.get());
        if (phase.get() == Phase.EXPORTING) {
            message.set(i18n.get("registrations.export.progress", Labels.size(i18n, written.get()), expectedText()));
        }
    }

    private void failed(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        phase.set(Phase.FAILED);
        message.set("");
        if (cause instanceof IOException && ApiException.unwrap(cause) == null) {
            error.set(i18n.get("registrations.export.fileError", String.valueOf(cause.getMessage())));
            errorDetail.set(cause.toString());
        } else {
            error.set(ErrorText.sentence(i18n, cause));
            errorDetail.set(ErrorText.detail(cause));
        }
    }

    private static void move(Path part, Path target) throws IOException {
        try {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void closeAndDelete(OutputStream out, Path part) {
        try {
            out.close();
        } catch (IOException ignored) {
            // The file is deleted next; nothing to keep.
        }
        try {
            Files.deleteIfExists(part);
        } catch (IOException ignored) {
            // A temporary file left behind is hidden (dot-name) and harmless.
        }
    }

    private String expectedText() {
        return i18n.get("registrations.export.records", NumberFormat.getIntegerInstance(i18n.locale()).format(expected),
                Labels.noun(i18n, kind));
    }


    /** Counts the bytes that pass, for the progress line. */
    private static final class Counting extends FilterOutputStream {
        private final AtomicLong count;

        Counting(OutputStream out, AtomicLong count) {
            super(out);
            this.count = count;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count.incrementAndGet();
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count.addAndGet(len);
        }
    }

    public RecordKind<?> kind() {
        return kind;
    }

    public RegistrationFilter filter() {
        return filter;
    }

    public ObjectProperty<Format> formatProperty() {
        return format;
    }

    public StringProperty pathProperty() {
        return path;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase;
    }

    public ReadOnlyLongProperty writtenProperty() {
        return written;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyStringProperty errorDetailProperty() {
        return errorDetail;
    }

    public BooleanBinding canExportProperty() {
        return canExport;
    }
}
