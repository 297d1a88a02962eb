package io.spineconsole.sandbox.http.messages;

import io.javalin.http.Context;
import io.spineconsole.domain.Identifiers;
import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.messages.MessageSearch;
import io.spineconsole.domain.messages.StreamFilter;
import io.spineconsole.sandbox.http.ProblemException;
import io.spineconsole.sandbox.http.QueryParams;
import io.spineconsole.sandbox.outcome.RuleWords;
import io.spineconsole.sandbox.paging.PageCursor;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Reads the message operations' query and path parameters, refusing malformed identifiers with 400. */
final class MessageParams {
    static final String[] FILTERS = {"messageId", "conversationId", "ods", "asid", "partyKey", "interaction", "status",
            "site", "endpointId", "signature", "from", "to", "sort"};
    private static final Pattern SITE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,23}");

    private MessageParams() {
    }

    static UUID uuid(String field, String text) {
        return QueryParams.uuid(field, text);
    }

    static UUID pathUuid(Context ctx, String name) {
        return QueryParams.pathUuid(ctx, name);
    }

    static ProblemException invalidIdentifier(String field, String message) {
        return new ProblemException(400, "INVALID_IDENTIFIER_VALUE", "Bad request", message,
                List.of(new ProblemException.FieldProblem(field, "INVALID_IDENTIFIER_VALUE", message)), null);
    }

    static Optional<UUID> uuid(QueryParams q, String name) {
        return q.string(name).map(text -> uuid("query." + name, text));
    }

    static String identifier(QueryParams q, String name, Function<String, Optional<String>> check) {
        Optional<String> value = q.string(name);
        value.flatMap(check).ifPresent(problem -> {
            throw invalidIdentifier("query." + name, problem);
        });
        return value.orElse(null);
    }

    static String site(QueryParams q) {
        return identifier(q, "site", v -> SITE.matcher(v).matches() ? Optional.empty()
                : Optional.of("A site code is 2 to 24 upper-case letters, digits and hyphens, for example CLOUD-LDN-1."));
    }

    static String ods(QueryParams q) {
        return identifier(q, "ods", RuleWords.sentences(Identifiers::checkOdsCode));
    }

    static String asid(QueryParams q) {
        return identifier(q, "asid", RuleWords.sentences(Identifiers::checkAsid));
    }

    static String partyKey(QueryParams q) {
        return identifier(q, "partyKey", RuleWords.sentences(Identifiers::checkPartyKey));
    }

    static String interaction(QueryParams q) {
        return identifier(q, "interaction", RuleWords.sentences(Identifiers::checkInteractionId));
    }

    static List<MessageStatus> statuses(QueryParams q) {
        List<MessageStatus> statuses = q.allCoded("status", MessageStatus.class);
        if (new HashSet<>(statuses).size() != statuses.size()) {
            throw ProblemException.badParameter("query.status", "REPEATED_VALUE", "Give each status once.");
        }
        return statuses;
    }

    static String signature(QueryParams q) {
        Optional<String> s = q.string("signature");
        if (s.isPresent() && s.get().length() > 300) {
            throw ProblemException.badParameter("query.signature", "TOO_LONG", "A signature is at most 300 characters.");
        }
        return s.orElse(null);
    }

    static int limit(QueryParams q) {
        return q.integer("limit", 1, 500, MessageSearch.DEFAULT_LIMIT);
    }

    /**
     * The {@code cursor} parameter's text, refused at once when it is too long to be one of ours; it
     * is decoded ({@link #decode}) once the rest of the query has been read, so other mistakes in the
     * query are named first.
     */
    static String cursor(QueryParams q) {
        Optional<String> c = q.string("cursor");
        if (c.isPresent() && c.get().length() > 1000) {
            throw ProblemException.badParameter("query.cursor", "INVALID_CURSOR", "The cursor is not one this server issued.");
        }
        return c.orElse(null);
    }

    static PageCursor decode(String cursor) {
        return cursor == null ? null : PageCursor.decode(cursor);
    }

    /** The search filters shared by search and export. */
    static MessageSearch search(QueryParams q, int limit) {
        boolean oldestFirst = switch (q.string("sort").orElse("-received-at")) {
            case "-received-at" -> false;
            case "received-at" -> true;
            default -> throw ProblemException.badParameter("query.sort", "INVALID_VALUE",
                    "sort is -received-at (newest first) or received-at (oldest first).");
        };
        return new MessageSearch(uuid(q, "messageId").orElse(null), uuid(q, "conversationId").orElse(null), ods(q),
                asid(q), partyKey(q), interaction(q), statuses(q), site(q), uuid(q, "endpointId").orElse(null),
                signature(q), q.instant("from").orElse(null), q.instant("to").orElse(null), oldestFirst, limit, null);
    }

    static StreamFilter streamFilter(QueryParams q) {
        boolean newOnly = switch (q.string("include").orElse("all")) {
            case "all", "alerts" -> false;
            case "new" -> true;
            default -> throw ProblemException.badParameter("query.include", "INVALID_VALUE",
                    "include is all, new or alerts.");
        };
        return new StreamFilter(uuid(q, "conversationId").orElse(null), ods(q), asid(q), partyKey(q), interaction(q),
                statuses(q), site(q), uuid(q, "endpointId").orElse(null), newOnly);
    }
}
