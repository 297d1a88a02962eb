package io.spineconsole.sandbox.messages;

import io.spineconsole.domain.Coded;
import io.spineconsole.domain.messages.ExportFormat;
import io.spineconsole.domain.messages.MessageSearch;
import io.spineconsole.domain.messages.MessageSummary;
import io.spineconsole.sandbox.SandboxContext;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Exports the messages matching a search, page by page, as CSV or NDJSON: metadata only (payloads
 * are never exported), at most a given number of rows (the route audits it from start to end).
 */
public final class MessageExport {
    static final String[] CSV_COLUMNS = {"messageId", "conversationId", "interaction", "messagingPattern", "fromOdsCode",
            "fromAsid", "fromPartyKey", "toOdsCode", "toAsid", "toPartyKey", "endpointId", "site", "status", "attempts",
            "sizeBytes", "receivedAt", "updatedAt", "latencyMs", "lastErrorCode", "lastErrorDescription", "redeliveryOf"};
    /** Rows read per page. */
    public static final int PAGE = 500;

    private final MessageStore store;
    private final SandboxContext context;

    MessageExport(MessageStore store, SandboxContext context) {
        this.store = store;
        this.context = context;
    }

    /** An export about to be written: its search, with the time window settled. */
    public static final class Plan {
        private final MessageQuery query;
        private final boolean oldestFirst;

        private Plan(MessageQuery query, boolean oldestFirst) {
            this.query = query;
            this.oldestFirst = oldestFirst;
        }
    }

    /** What was written. */
    public record Result(long rows, boolean truncated) {
    }

    /**
     * Settles what to export: the search's window, or the last 24 hours, unless it names a message or a
     * conversation (then any time). An empty window, or one wider than 31 days, is refused.
     */
    public Plan plan(MessageSearch search, Instant now) {
        boolean unbounded = search.messageId() != null || search.conversationId() != null;
        if (!unbounded || search.from() != null || search.to() != null) {
            MessageStore.Window w = MessageStore.Window.resolve(search.from(), search.to(), now, Duration.ofHours(24));
            search = search.withWindow(w.from(), w.to());
        }
        return new Plan(new MessageQuery(search, search.from(), search.to()), search.oldestFirst());
    }

    /** Writes the plan's messages to {@code out}, up to {@code maxRows} (then a truncation marker). */
    public Result write(Plan plan, ExportFormat format, int maxRows, Writer out) throws IOException {
        return write(plan, format, maxRows, out, new AtomicLong());
    }

    /** The same, counting the rows written into {@code written} as they go (an export cut short says how far it got). */
    public Result write(Plan plan, ExportFormat format, int maxRows, Writer out, AtomicLong written) throws IOException {
        long rows = 0;
        boolean truncated = false;
        if (format == ExportFormat.CSV) {
            out.write(String.join(",", CSV_COLUMNS) + "\n");
        }
        MessageQuery.After after = null;
        while (true) {
            List<MessageSummary> page = store.page(plan.query, after, PAGE, plan.oldestFirst);
            boolean more = page.size() > PAGE;
            List<MessageSummary> items = more ? page.subList(0, PAGE) : page;
            for (MessageSummary m : items) {
                if (rows == maxRows) {
                    truncated = true;
                    break;
                }
                out.write(format == ExportFormat.CSV ? csv(m) : context.mapper().writeValueAsString(m) + "\n");
                rows++;
                written.set(rows);
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
        return new Result(rows, truncated);
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
