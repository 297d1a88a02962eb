package io.spineconsole.sandbox.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.spineconsole.api.Page;
import io.spineconsole.domain.audit.AuditEntry;
import io.spineconsole.sandbox.Actor;
import io.spineconsole.sandbox.AuditStore;
import io.spineconsole.sandbox.SandboxContext;
import io.spineconsole.sandbox.paging.PageCursor;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /api/v1/audit/export}: the audit entries matching a search, streamed as NDJSON (one
 * {@code AuditEntry} a line, before and after included), admins only. Exporting the log is itself audited:
 * an entry (action {@code export}, entity {@code audit-log}) with the filter before the first line, and
 * one with the lines written when it completes or is cut short.
 */
final class AuditExportRoute {
    /** Entries read from the store at a time. */
    private static final int PAGE = 500;
    private final AuditStore audit;
    private final SandboxContext context;
    private final ObjectMapper mapper;

    AuditExportRoute(AuditStore audit, SandboxContext context) {
        this.audit = audit;
        this.context = context;
        this.mapper = context.mapper();
    }

    void handle(Context ctx) throws IOException {
        AuditQueries.Export export = AuditQueries.export(ctx, PAGE);
        Actor actor = Callers.actor(ctx);
        String exportId = "export/" + UUID.randomUUID();
        Map<String, Object> started = new LinkedHashMap<>();
        started.put("phase", "started");
        started.put("filter", ctx.queryParamMap());
        started.put("maxRows", export.maxRows());
        record(actor, exportId, started);
        long rows = 0;
        boolean truncated = false;
        try {
            var res = ctx.res();
            res.setStatus(200);
            res.setContentType("application/x-ndjson;charset=utf-8");
            res.setHeader("Content-Disposition", "attachment; filename=\"audit-log.ndjson\"");
            Writer out = new OutputStreamWriter(res.getOutputStream(), StandardCharsets.UTF_8);
            AuditStore.Query query = export.query();
            while (true) {
                Page<AuditEntry> page = audit.page(query);
                for (AuditEntry entry : page.items()) {
                    if (rows == export.maxRows()) {
                        truncated = true;
                        break;
                    }
                    out.write(mapper.writeValueAsString(entry));
                    out.write('\n');
                    rows++;
                }
                if (truncated || page.nextCursor() == null) {
                    break;
                }
                query = new AuditStore.Query(query.subjects(), query.actor(), query.action(), query.from(), query.to(),
                        query.oldestFirst(), PAGE, PageCursor.decode(page.nextCursor()));
            }
            if (truncated) {
                out.write("{\"truncated\":true}\n");
            }
            out.flush();
            Map<String, Object> completed = new LinkedHashMap<>();
            completed.put("phase", "completed");
            completed.put("rows", rows);
            completed.put("truncated", truncated);
            record(actor, exportId, completed);
        } catch (IOException | RuntimeException e) {
            Map<String, Object> aborted = new LinkedHashMap<>();
            aborted.put("phase", "aborted");
            aborted.put("rows", rows);
            record(actor, exportId, aborted);
            throw e;
        }
    }

    private void record(Actor actor, String exportId, Map<String, Object> after) {
        context.sql().inTransaction(c -> {
            context.audit().record(c, actor, "export", "audit-log", exportId, null, null, after);
            return null;
        });
    }
}
