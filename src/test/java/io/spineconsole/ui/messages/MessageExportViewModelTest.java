package io.spineconsole.ui.messages;

import io.spineconsole.testing.FakeMessagesApi;
import io.spineconsole.testing.FakeBackboneApi;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.messages.ExportResult;
import io.spineconsole.domain.messages.MessageSearch;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 11: the export says before and after when its row cap applies. */
class MessageExportViewModelTest {
    private final TestServices t = new TestServices();
    private final FakeMessagesApi api = new FakeMessagesApi();

    @Test
    void theCapIsSaidBeforeAndACutShortFileIsSaidAfter() {
        ExportViewModel export = new ExportViewModel(t.ui, t.i18n, t.text);
        export.connect(TestServices.context(new FakeBackboneApi(Role.OPERATOR, api), Role.OPERATOR));
        export.maxRows().valueProperty().set("1000000");
        assertEquals(t.i18n.get("messages.export.capBefore", t.text.count(1_000_000)), export.capNoteProperty().get());
        assertTrue(export.capNoteProperty().get().contains("1,000,000"), export.capNoteProperty().get());

        api.onExport = rows -> CompletableFuture.completedFuture(new ExportResult(2048, true));
        Path file = Path.of("messages.csv");
        assertTrue(export.start(MessageSearch.all(), file));
        assertTrue(export.truncatedProperty().get());
        assertTrue(export.statusProperty().get().contains("first 1,000,000 rows"), export.statusProperty().get());

        api.onExport = rows -> CompletableFuture.completedFuture(new ExportResult(512, false));
        export.maxRows().valueProperty().set("500");
        assertTrue(export.start(MessageSearch.all(), file));
        assertFalse(export.truncatedProperty().get());
        assertEquals(t.i18n.get("messages.export.done", t.text.bytes(512), file.toString()), export.statusProperty().get());

        export.maxRows().valueProperty().set("none");
        assertEquals("", export.capNoteProperty().get(), "no cap sentence for a number that is not one");
    }
}
