package io.spineconsole.api.http;

import io.spineconsole.domain.messages.ExportFormat;
import io.spineconsole.domain.messages.ExportResult;
import io.spineconsole.domain.messages.MessageSearch;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A governed export streams to its file; a cancelled one leaves nothing behind, not even its partial file. */
class ExportDownloadTest {

    @Test
    void aCancelledExportLeavesNoFile(@TempDir Path dir) throws Exception {
        String csv = "messageId,status\n" + "7D9B3C2E-1A4F-4E8B-9C6D-2F5A8B1E3C70,acknowledged\n".repeat(2_000);
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/csv").body(csv)
                    .throttleBody(1_024, 100, TimeUnit.MILLISECONDS).build());
            server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/csv").body(csv).build());
            server.start();
            try (HttpBackboneApi api = new HttpBackboneApi(server.url("/").toString(), () -> "spc_t",
                    HttpBackboneApi.HttpClientOptions.defaults())) {
                Path target = dir.resolve("messages.csv");
                CompletableFuture<ExportResult> slow = api.messages().export(MessageSearch.all(), ExportFormat.CSV, 10, target);
                Path partial = dir.resolve("messages.csv.part");
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (!Files.exists(partial) && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertTrue(Files.exists(partial), "the download is under way");
                slow.cancel(true);
                deadline = System.nanoTime() + 10_000_000_000L;
                while (Files.exists(partial) && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertFalse(Files.exists(partial), "the partial file is removed");
                assertFalse(Files.exists(target));

                ExportResult done = api.messages().export(MessageSearch.all(), ExportFormat.CSV, 10, target).join();
                assertEquals(csv.length(), done.bytes());
                assertFalse(done.truncated(), "no marker: the whole search is in the file");
                assertEquals(csv, Files.readString(target));
            }
        }
    }
}
