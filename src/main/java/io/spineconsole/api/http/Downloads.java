package io.spineconsole.api.http;

import io.spineconsole.api.ApiException;
import io.spineconsole.domain.messages.ExportResult;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Streams an export (messages, the audit log) to a file: the one way the client downloads. */
final class Downloads {
    private Downloads() {
    }

    /**
     * Sends {@code request} and writes the answer's body to {@code target}, beside it first and moved into place,
     * so a broken download never looks complete. Cancelling the future cancels the call.
     */
    static CompletableFuture<ExportResult> toFile(HttpTransport http, Request request, Path target) {
        CompletableFuture<ExportResult> result = new CompletableFuture<>();
        // A download may take longer than an ordinary call: no overall call timeout, only read timeouts.
        Call call = http.client().newBuilder().callTimeout(java.time.Duration.ZERO).build().newCall(request);
        result.whenComplete((v, f) -> {
            if (result.isCancelled()) {
                call.cancel();
            }
        });
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call c, IOException e) {
                result.completeExceptionally(new ApiException(ApiException.Kind.OFFLINE, 0, "OFFLINE",
                        "The export could not be downloaded: the server did not answer.", e.getMessage(), List.of(), e));
            }

            @Override
            public void onResponse(Call c, Response response) {
                // Written beside the target and moved into place, so a broken download never looks complete.
                Path partial = target.resolveSibling(target.getFileName() + ".part");
                try (response; ResponseBody body = response.body()) {
                    if (!response.isSuccessful()) {
                        result.completeExceptionally(http.failure(request, response, body.string()));
                        return;
                    }
                    long bytes;
                    try (InputStream in = body.byteStream(); OutputStream out = Files.newOutputStream(partial)) {
                        bytes = in.transferTo(out);
                    }
                    boolean truncated = endsWithTruncationMarker(partial);
                    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
                    result.complete(new ExportResult(bytes, truncated));
                } catch (IOException | RuntimeException e) {
                    // A cancelled or broken download leaves nothing behind.
                    try {
                        Files.deleteIfExists(partial);
                    } catch (IOException ignored) {
                        // the failure below says what went wrong
                    }
                    result.completeExceptionally(e);
                }
            }
        });
        return result;
    }

    /** The server ends a capped export with a marker line (CSV {@code # truncated}, NDJSON {@code {"truncated":true}}). */
    static boolean endsWithTruncationMarker(Path file) throws IOException {
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "r")) {
            int n = (int) Math.min(64, f.length());
            byte[] tail = new byte[n];
            f.seek(f.length() - n);
            f.readFully(tail);
            String end = new String(tail, java.nio.charset.StandardCharsets.UTF_8).strip();
            return end.endsWith("\n# truncated") || end.equals("# truncated") || end.endsWith("{\"truncated\":true}");
        }
    }
}
