package io.spineconsole.sandbox.messages;

import io.javalin.http.Context;
import io.spineconsole.domain.Coded;
import io.spineconsole.domain.messages.ExportFormat;
import io.spineconsole.domain.messages.MessageSearch;
import io.spineconsole.domain.messages.MessageSummary;
import io.spineconsole.sandbox.SandboxContext;
import io.spineconsole.sandbox.SandboxServer;
import io.spineconsole.sandbox.http.QueryParams;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code GET /api/v1/messages/export}: the messages matching a search, streamed page by page as
 * CSV or NDJSON, metadata only (payloads are never exported), audited with the filter and row count.
 */
final class MessageExport {
    static final String[] CSV_COLUMNS = {"messageId", "conversationId", "interaction", "messagingPattern", "fromOdsCode",
            "fromAsid", "fromPartyKey", "toOdsCode", "toAsid", "toPartyKey", "endpointId", "site", "status", "attempts",
            "sizeBytes", "receivedAt", "updatedAt", "latencyMs", "lastErrorCode", "lastErrorDescription", "redeliveryOf"};
    private static final int PAGE = 500;

    private final MessageStore store;
    private final SandboxContext context;

    MessageExport(MessageStore store, SandboxContext context) {
        this.store = store;
        this.context = context;
    }

    void handle(Context ctx) throws IOException {
        QueryParams q = QueryParams.of(ctx, Stream.concat(Arrays.stream(MessageParams.FILTERS),
                Stream.of("format", "maxRows")).toArray(String[]::new));
        ExportFormat format = MessageRoutes.format(q);
        int maxRows = q.integer("maxRows", 1, 1_000_000, 100_000);
        MessageSearch search = MessageParams.search(q, PAGE, null);
        Instant now = context.clock().instant();
        boolean unbounded = search.messageId() != null || search.conversationId() != null;
        if (!unbounded || search.from() != null || search.to() != null) {
            MessageStore.Window w = MessageStore.Window.resolve(search.from(), search.to(), now, Duration.ofHours(24));
            search = search.withWindow(w.from(), w.to());
        }
        MessageQuery query = new MessageQuery(search, search.from(), search.to());
        var res = ctx.res();
        res.setStatus(200);
        res.setContentType(format.mediaType() + ";charset=utf-8");
        res.setHeader("Content-Disposition", "attachment; filename=\"messages." + (format == ExportFormat.CSV ? "csv" : "ndjson") + "\"");
        long rows = 0;
        boolean truncated = false;
        Writer out = new OutputStreamWriter(res.getOutputStream(), StandardCharsets.UTF_8);
        if (format == ExportFormat.CSV) {
            out.write(String.join(",", CSV_COLUMNS) + "\n");
        }
        MessageQuery.After after = null;
        while (true) {
            List<MessageSummary> page = store.page(query, after, PAGE, search.oldestFirst());
            boolean more = page.size() > PAGE;
            List<MessageSummary> items = more ? page.subList(0, PAGE) : page;
            for (MessageSummary m : items) {
                if (rows == maxRows) {
                    truncated = true;
                    break;
                }
                out.write(format == ExportFormat.CSV ? csv(m) : context.mapper().writeValueAsString(m) + "\n");
                rows++;
            }
            if (truncated || !more) {
                truncated |= more && rows == maxRows;
                break;
            }
            MessageSummary last = items.get(items.size() - 1);
            after = new MessageQuery.After(last.receivedAt(), last.messageId());
            out.flush();
        }
        if (truncated) {
            out.write(format == ExportFormat.CSV ? "# truncated\n" : "{\"truncated\":true}\n");
        }
        out.flush();
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("format", format.code());
        record.put("filter", ctx.queryParamMap());
        record.put("rows", rows);
        record.put("truncated", truncated);
        context.sql().inTransaction(c -> {
            context.audit().record(c, SandboxServer.principal(ctx), "export", "message", "search", null, null, record);
            return null;
        });
    }

    static String csv(MessageSummary m) {
        Object[] values = {m.messageId(), m.conversationId(), m.interaction(), m.messagingPattern().code(),
                m.from().odsCode(), m.from().asid(), m.from().partyKey(), m.to().odsCode(), m.to().asid(), m.to().partyKey(),
                m.endpointId(), m.site(), m.status().code(), m.attempts(), m.sizeBytes(), m.receivedAt(), m.updatedAt(),
                m.latencyMs(), m.lastErrorCode(), m.lastErrorDescription(), m.redeliveryOf()};
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(cell(values[i]));
        }
        return b.append('\n').toString();
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value instanceof Coded c ? c.code() : value.toString();
        // Quote anything that could break a row or be read as a spreadsheet formula.
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.startsWith("=") || s.startsWith("+")
                || s.startsWith("-") || s.startsWith("@")) {
            return "\"" + (s.startsWith("=") || s.startsWith("+") || s.startsWith("-") || s.startsWith("@") ? "'" : "")
                    + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
