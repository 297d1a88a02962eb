package io.spineconsole.sandbox.http.messages;

import io.javalin.http.Context;
import io.spineconsole.domain.messages.ExportFormat;
import io.spineconsole.sandbox.Actor;
import io.spineconsole.sandbox.SandboxContext;
import io.spineconsole.sandbox.http.Callers;
import io.spineconsole.sandbox.http.QueryParams;
import io.spineconsole.sandbox.messages.MessageExport;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * {@code GET /api/v1/messages/export}: the messages matching a search, streamed as CSV or NDJSON
 * ({@link MessageExport} writes them). Mistakes in the query are answered as problems before anything
 * is streamed. Governed from start to end: the audit log has who started it, with what filter, format
 * and row cap, before the first row goes out; then that it completed, or was cut short (the client
 * went away, the store failed), with the rows written either way.
 */
final class MessageExportRoute {
    private final MessageExport export;
    private final SandboxContext context;

    MessageExportRoute(MessageExport export, SandboxContext context) {
        this.export = export;
        this.context = context;
    }

    void handle(Context ctx) throws IOException {
        QueryParams q = QueryParams.of(ctx, Stream.concat(Arrays.stream(MessageParams.FILTERS),
                Stream.of("format", "maxRows")).toArray(String[]::new));
        ExportFormat format = q.coded("format", ExportFormat.class).orElse(ExportFormat.CSV);
        int maxRows = q.integer("maxRows", 1, 1_000_000, 100_000);
        MessageExport.Plan plan = export.plan(MessageParams.search(q, MessageExport.PAGE), context.clock().instant());
        Actor actor = Callers.actor(ctx);
        String exportId = UUID.randomUUID().toString();
        Map<String, Object> started = new LinkedHashMap<>();
        started.put("phase", "started");
        started.put("format", format.code());
        started.put("filter", ctx.queryParamMap());
        started.put("maxRows", maxRows);
        audit(actor, exportId, started);
        AtomicLong rows = new AtomicLong();
        try {
            var res = ctx.res();
            res.setStatus(200);
            res.setContentType(format.mediaType() + ";charset=utf-8");
            res.setHeader("Content-Disposition", "attachment; filename=\"messages."
                    + (format == ExportFormat.CSV ? "csv" : "ndjson") + "\"");
            Writer out = new OutputStreamWriter(res.getOutputStream(), StandardCharsets.UTF_8);
            MessageExport.Result written = export.write(plan, format, maxRows, out, rows);
            Map<String, Object> completed = new LinkedHashMap<>();
            completed.put("phase", "completed");
            completed.put("rows", written.rows());
            completed.put("truncated", written.truncated());
            completed.put("maxRows", maxRows);
            audit(actor, exportId, completed);
        } catch (IOException | RuntimeException e) {
            Map<String, Object> aborted = new LinkedHashMap<>();
            aborted.put("phase", "aborted");
            aborted.put("rows", rows.get());
            aborted.put("why", e instanceof IOException ? "The client stopped reading (cancelled or disconnected)."
                    : "The server failed while writing: " + e.getClass().getSimpleName());
            audit(actor, exportId, aborted);
            throw e;
        }
    }

    /** One entry of the export's trail; entries of one export share its id. */
    private void audit(Actor actor, String exportId, Map<String, Object> record) {
        context.sql().inTransaction(c -> {
            context.audit().record(c, actor, "export", "message", "export/" + exportId, null, null, record);
            return null;
        });
    }
}
