package io.spineconsole.sandbox.http.messages;

import io.javalin.http.Context;
import io.spineconsole.domain.messages.ExportFormat;
import io.spineconsole.sandbox.http.Callers;
import io.spineconsole.sandbox.http.QueryParams;
import io.spineconsole.sandbox.messages.MessageExport;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * {@code GET /api/v1/messages/export}: the messages matching a search, streamed as CSV or NDJSON
 * ({@link MessageExport} writes and audits them). Mistakes in the query are answered as problems
 * before anything is streamed.
 */
final class MessageExportRoute {
    private final MessageExport export;
    private final Clock clock;

    MessageExportRoute(MessageExport export, Clock clock) {
        this.export = export;
        this.clock = clock;
    }

    void handle(Context ctx) throws IOException {
        QueryParams q = QueryParams.of(ctx, Stream.concat(Arrays.stream(MessageParams.FILTERS),
                Stream.of("format", "maxRows")).toArray(String[]::new));
        ExportFormat format = q.coded("format", ExportFormat.class).orElse(ExportFormat.CSV);
        int maxRows = q.integer("maxRows", 1, 1_000_000, 100_000);
        MessageExport.Plan plan = export.plan(MessageParams.search(q, MessageExport.PAGE), clock.instant());
        var res = ctx.res();
        res.setStatus(200);
        res.setContentType(format.mediaType() + ";charset=utf-8");
        res.setHeader("Content-Disposition", "attachment; filename=\"messages." + (format == ExportFormat.CSV ? "csv" : "ndjson") + "\"");
        Writer out = new OutputStreamWriter(res.getOutputStream(), StandardCharsets.UTF_8);
        MessageExport.Result written = export.write(plan, format, maxRows, out);
        export.audit(Callers.actor(ctx), format, ctx.queryParamMap(), written);
    }
}
