package io.spineconsole.ui.registrations;

import io.spineconsole.api.RegistrationsApi;
import io.spineconsole.domain.registrations.RegistrationStatus;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.registrations.ImportEntryResult;
import io.spineconsole.domain.registrations.ImportOutcome;
import io.spineconsole.domain.registrations.ImportReport;
import io.spineconsole.domain.registrations.RegistrationFileType;
import io.spineconsole.ui.common.ErrorText;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.UiExecutor;
import io.spineconsole.ui.common.WorkspaceContext;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * Imports an SDS FHIR bundle or a CSV file in two steps: a dry run that writes nothing and reports an
 * outcome per row (created, updated, unchanged, rejected with the reasons), then, for an admin, the
 * import of exactly the bytes that were previewed. Changing the file or an option asks for a new
 * preview. The file is read off the UI thread; both steps can be cancelled.
 */
public final class ImportViewModel {
    /** The server's body limit. */
    static final long MAX_BYTES = 32L * 1024 * 1024;
    /** A FHIR bundle past this is streamed from the file as it is sent, never read whole (a national extract). */
    static final long STREAM_FROM = 8L * 1024 * 1024;
    /** The largest bundle the server reads as it arrives (openapi.yaml: 512 MiB without an Idempotency-Key). */
    static final long MAX_STREAMED_BYTES = 512L * 1024 * 1024;

    public enum Format { FHIR, CSV }

    public enum Phase { IDLE, READING, PREVIEWING, PREVIEWED, IMPORTING, IMPORTED, FAILED }

    /** A file that cannot be imported, in a sentence. */
    static final class FileProblem extends IOException {
        FileProblem(String message) {
            super(message);
        }
    }

    /**
     * A file read and recognised: its bytes, or for a large bundle only its start, the rest sent from
     * {@code file} as it is read ({@code size} and {@code modified} say whether it is still the file previewed).
     */
    private record Loaded(byte[] bytes, Path file, long size, FileTime modified, Format format,
                          RegistrationFileType type) {
        boolean streamed() {
            return file != null;
        }
    }

    private final UiExecutor ui;
    private final I18n i18n;
    private final Executor io;
    private final StringProperty path = new SimpleStringProperty("");
    private final ObjectProperty<Format> format = new SimpleObjectProperty<>();
    private final ObjectProperty<RegistrationFileType> csvType = new SimpleObjectProperty<>();
    private final ObjectProperty<RegistrationStatus> createAs = new SimpleObjectProperty<>(RegistrationStatus.REQUESTED);
    private final BooleanProperty atomic = new SimpleBooleanProperty(true);
    private final BooleanProperty registerOwners = new SimpleBooleanProperty(false);
    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.IDLE);
    private final ObjectProperty<ImportReport> report = new SimpleObjectProperty<>();
    private final ObservableList<ImportEntryResult> results = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty errorDetail = new SimpleStringProperty("");
    private final StringProperty detected = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final BooleanBinding busy;
    private final BooleanBinding canPreview;
    private final BooleanBinding canImport;
    private final WorkspaceContext context;
    private Loaded previewed;
    private CompletableFuture<?> inFlight;
    private Runnable onImported = () -> { };

    public ImportViewModel(WorkspaceContext context, UiExecutor ui, I18n i18n, Executor io) {
        this.context = context;
        this.ui = ui;
        this.i18n = i18n;
        this.io = io;
        busy = Bindings.createBooleanBinding(() -> Set.of(Phase.READING, Phase.PREVIEWING, Phase.IMPORTING)
                .contains(phase.get()), phase);
        canPreview = Bindings.createBooleanBinding(() -> !busy.get() && !path.get().isBlank() && mayPreview(),
                busy, path);
        canImport = Bindings.createBooleanBinding(() -> {
            ImportReport r = report.get();
            return phase.get() == Phase.PREVIEWED && mayImport() && r != null && r.dryRun()
                    && r.counts().created() + r.counts().updated() > 0 && !(atomic.get() && r.counts().rejected() > 0);
        }, phase, report, atomic);
        for (var p : List.of(path, format, csvType, createAs, atomic, registerOwners)) {
            p.addListener((o, a, b) -> optionsChanged());
        }
    }

    /** Called after an import wrote something (the lists reload). */
    public void setOnImported(Runnable onImported) {
        this.onImported = onImported;
    }

    /** An operator may preview (a dry run); only an admin may import. */
    public boolean mayPreview() {
        return context.may(Role.OPERATOR);
    }

    public boolean mayImport() {
        return context.may(Role.ADMIN);
    }

    private void optionsChanged() {
        if (phase.get() == Phase.PREVIEWED || phase.get() == Phase.IMPORTED) {
            phase.set(Phase.IDLE);
            message.set(i18n.get("registrations.import.previewAgain"));
        }
    }

    /** Reads the file and runs the dry run: nothing is written. */
    public void preview() {
        if (!canPreview.get()) {
            return;
        }
        String text = path.get().strip();
        Format wantedFormat = format.get();
        RegistrationFileType wantedType = csvType.get();
        RegistrationStatus status = createAs.get();
        boolean allOrNothing = atomic.get();
        start(Phase.READING, i18n.get("registrations.import.reading"));
        CompletableFuture<Loaded> read = CompletableFuture.supplyAsync(() -> load(text, wantedFormat, wantedType), io);
        inFlight = ui.deliver(read, loaded -> {
            detected.set(describe(loaded));
            if (loaded.format == Format.CSV && loaded.type == null) {
                fail(new FileProblem(i18n.get("registrations.import.csvTypeUnknown")));
                return;
            }
            start(Phase.PREVIEWING, i18n.get("registrations.import.previewing", Labels.size(i18n, loaded.size)));
            inFlight = ui.deliver(send(loaded, true, allOrNothing, status), r -> {
                previewed = loaded;
                report.set(r);
                results.setAll(r.results());
                phase.set(Phase.PREVIEWED);
                message.set(i18n.get("registrations.import.previewed", r.total(), r.counts().created(), r.counts().updated(),
                        r.counts().unchanged(), r.counts().rejected()) + (r.counts().rejected() > 0 && allOrNothing
                        ? " " + i18n.get("registrations.import.atomicBlocks") : "") + MissingOwnersText.of(i18n, r));
            }, this::fail);
        }, this::fail);
    }

    /** Imports the bytes that were previewed, with the options they were previewed with. */
    public void importPreviewed() {
        if (!canImport.get() || previewed == null) {
            return;
        }
        Loaded loaded = previewed;
        if (loaded.streamed() && !unchanged(loaded)) {
            fail(new FileProblem(i18n.get("registrations.import.changedSincePreview")));
            return;
        }
        start(Phase.IMPORTING, i18n.get("registrations.import.importing"));
        inFlight = ui.deliver(send(loaded, false, atomic.get(), createAs.get()), r -> {
            report.set(r);
            results.setAll(r.results());
            phase.set(Phase.IMPORTED);
            message.set(r.applied() ? i18n.get("registrations.import.done", r.counts().created(), r.counts().updated(),
                    r.counts().unchanged(), r.counts().rejected()) : i18n.get("registrations.import.notApplied"));
            if (r.applied()) {
                onImported.run();
            }
        }, this::fail);
    }

    /** Stops what is running; a preview is simply dropped, an import may already have reached the server. */
    public void cancel() {
        if (!busy.get()) {
            return;
        }
        Phase was = phase.get();
        if (inFlight != null) {
            inFlight.cancel(true);
            inFlight = null;
        }
        phase.set(Phase.IDLE);
        message.set(was == Phase.IMPORTING ? i18n.get("registrations.import.cancelledImport")
                : i18n.get("registrations.import.cancelledPreview"));
    }

    private CompletableFuture<ImportReport> send(Loaded loaded, boolean dryRun, boolean allOrNothing, RegistrationStatus status) {
        RegistrationsApi api = context.api().registrations();
        boolean owners = registerOwners.get();
        if (loaded.streamed()) {
            progress.set(0);
            return api.importFhirFile(loaded.file, dryRun, allOrNothing, status, owners, new Progress(loaded.size));
        }
        progress.set(-1);
        return loaded.format == Format.FHIR ? api.importFhir(loaded.bytes, dryRun, allOrNothing, status, owners)
                : api.importCsv(loaded.type, loaded.bytes, dryRun, allOrNothing, status, owners);
    }

    /**
     * Bytes sent, told to the view at most once per whole percent (not once per piece sent); once all is sent the
     * server is still reading, so the bar turns indeterminate.
     */
    private final class Progress implements java.util.function.LongConsumer {
        private final long size;
        private long shownPercent = -1;

        Progress(long size) {
            this.size = size;
        }

        @Override
        public void accept(long sent) {
            long percent = size == 0 ? 100 : sent * 100 / size;
            if (percent == shownPercent) {
                return;
            }
            shownPercent = percent;
            double value = percent >= 100 ? -1 : percent / 100.0;
            ui.deliver(CompletableFuture.completedFuture(value), v -> {
                if (busy.get()) {
                    progress.set(v);
                }
            }, t -> { });
        }
    }

    /** True when the file is as it was previewed (same size, same time of change). */
    private static boolean unchanged(Loaded loaded) {
        try {
            return Files.size(loaded.file) == loaded.size && Files.getLastModifiedTime(loaded.file).equals(loaded.modified);
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes every entry's result as CSV to {@code file}, off the UI thread; the message says how it went. */
    public CompletableFuture<Void> exportResults(Path file) {
        List<ImportEntryResult> snapshot = List.copyOf(results);
        return ui.deliver(CompletableFuture.runAsync(() -> ImportResultsCsv.write(file, snapshot), io),
                v -> message.set(i18n.get("registrations.import.exported", snapshot.size(), file)),
                t -> message.set(i18n.get("registrations.import.exportFailed", file, String.valueOf(t.getMessage()))));
    }

    /** How far the file has been sent, 0 to 1, or -1 when that cannot be said (a small file, the server reading). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    private void start(Phase p, String text) {
        phase.set(p);
        message.set(text);
        error.set("");
        errorDetail.set("");
        if (p == Phase.READING) {
            report.set(null);
            results.clear();
            previewed = null;
        }
    }

    private void fail(Throwable failure) {
        inFlight = null;
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        phase.set(Phase.FAILED);
        progress.set(-1);
        message.set("");
        if (cause instanceof FileProblem problem) {
            error.set(problem.getMessage());
            errorDetail.set(problem.getMessage());
        } else {
            error.set(ErrorText.sentence(i18n, cause));
            errorDetail.set(ErrorText.detail(cause));
        }
    }

    /** Reads and recognises the file (runs off the UI thread). */
    private Loaded load(String text, Format wantedFormat, RegistrationFileType wantedType) {
        try {
            Path file;
            try {
                file = Path.of(text);
            } catch (InvalidPathException e) {
                throw new FileProblem(i18n.get("registrations.import.badPath", text));
            }
            if (Files.isDirectory(file)) {
                throw new FileProblem(i18n.get("registrations.import.isFolder", text));
            }
            long size;
            try {
                size = Files.size(file);
            } catch (NoSuchFileException e) {
                throw new FileProblem(i18n.get("registrations.import.noFile", text));
            }
            if (size == 0) {
                throw new FileProblem(i18n.get("registrations.import.empty", text));
            }
            byte[] start;
            try (java.io.InputStream in = Files.newInputStream(file)) {
                start = in.readNBytes(4096);
            } catch (AccessDeniedException e) {
                throw new FileProblem(i18n.get("registrations.import.unreadable", text));
            }
            Format f = wantedFormat != null ? wantedFormat : detectFormat(file, start);
            long limit = f == Format.FHIR ? MAX_STREAMED_BYTES : MAX_BYTES;
            if (size > limit) {
                throw new FileProblem(i18n.get("registrations.import.tooLarge", Labels.size(i18n, size),
                        Labels.size(i18n, limit)));
            }
            FileTime modified = Files.getLastModifiedTime(file);
            if (f == Format.FHIR && size > STREAM_FROM) {
                return new Loaded(start, file, size, modified, f, null);
            }
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (AccessDeniedException e) {
                throw new FileProblem(i18n.get("registrations.import.unreadable", text));
            }
            RegistrationFileType type = f == Format.CSV ? (wantedType != null ? wantedType : detectCsvType(bytes)) : null;
            return new Loaded(bytes, null, bytes.length, modified, f, type);
        } catch (FileProblem e) {
            throw new CompletionException(e);
        } catch (IOException e) {
            throw new CompletionException(new FileProblem(i18n.get("registrations.import.unreadable", text)));
        }
    }

    static Format detectFormat(Path file, byte[] bytes) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json") || name.endsWith(".fhir")) {
            return Format.FHIR;
        }
        if (name.endsWith(".csv")) {
            return Format.CSV;
        }
        for (byte b : bytes) {
            if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return b == '{' ? Format.FHIR : Format.CSV;
            }
        }
        return Format.CSV;
    }

    /** The record type a CSV holds, from its header row's columns (null when they say nothing clear). */
    static RegistrationFileType detectCsvType(byte[] bytes) {
        String text = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.UTF_8).replace("\uFEFF", "");
        String header = text.lines().findFirst().orElse("").toLowerCase(Locale.ROOT);
        Set<String> columns = Arrays.stream(header.split(",")).map(s -> s.strip().replace("\"", "")).collect(Collectors.toSet());
        if (columns.contains("asid")) {
            return RegistrationFileType.ACCREDITED_SYSTEMS;
        }
        if (columns.contains("url") || columns.contains("cpaid")) {
            return RegistrationFileType.ENDPOINTS;
        }
        if (columns.contains("odscode") && (columns.contains("kind") || columns.contains("name"))) {
            return RegistrationFileType.ORGANISATIONS;
        }
        return null;
    }

    private String describe(Loaded loaded) {
        String what = loaded.format == Format.FHIR ? i18n.get("registrations.import.formatFhir")
                : loaded.type == null ? i18n.get("registrations.import.formatCsv")
                : i18n.get("registrations.import.formatCsvOf", Labels.noun(i18n, switch (loaded.type) {
                    case ORGANISATIONS -> RecordKind.ORGANISATIONS;
                    case ACCREDITED_SYSTEMS -> RecordKind.SYSTEMS;
                    case ENDPOINTS -> RecordKind.ENDPOINTS;
                }));
        return i18n.get("registrations.import.detected", what, Labels.size(i18n, loaded.size));
    }

    static String fileType(I18n i18n, RegistrationFileType t) {
        return switch (t) {
            case ORGANISATIONS -> i18n.get("registrations.organisations");
            case ACCREDITED_SYSTEMS -> i18n.get("registrations.systems");
            case ENDPOINTS -> i18n.get("registrations.endpoints");
        };
    }


    /** Rows with errors first, then warnings, then the rest, each in file order. */
    public static int rank(ImportEntryResult r) {
        if (r.outcome() == ImportOutcome.REJECTED) {
            return 0;
        }
        return r.warnings().isEmpty() ? 2 : 1;
    }

    public StringProperty pathProperty() {
        return path;
    }

    /** The file's format (null: recognise it from its name or content). */
    public ObjectProperty<Format> formatProperty() {
        return format;
    }

    /** A CSV file's record type (null: recognise it from its header row). */
    public ObjectProperty<RegistrationFileType> csvTypeProperty() {
        return csvType;
    }

    /** The status new records are created in (requested, approved or active). */
    public ObjectProperty<RegistrationStatus> createAsProperty() {
        return createAs;
    }

    /** All or nothing: with a rejected row, nothing is written. */
    /** Register the owners the file needs that are not registered (off by default). */
    public BooleanProperty registerOwnersProperty() {
        return registerOwners;
    }

    public BooleanProperty atomicProperty() {
        return atomic;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase;
    }

    public ReadOnlyObjectProperty<ImportReport> reportProperty() {
        return report;
    }

    public ObservableList<ImportEntryResult> results() {
        return results;
    }

    /** What is happening or happened, in a sentence. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyStringProperty errorDetailProperty() {
        return errorDetail;
    }

    /** "SDS FHIR bundle, 12 KB" once the file has been read. */
    public ReadOnlyStringProperty detectedProperty() {
        return detected;
    }

    public BooleanBinding busyProperty() {
        return busy;
    }

    public BooleanBinding canPreviewProperty() {
        return canPreview;
    }

    public BooleanBinding canImportProperty() {
        return canImport;
    }
}
