package io.spineconsole.sandbox.messages;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.spineconsole.domain.messages.MessageSearch;
import io.spineconsole.domain.messages.PlanAccess;
import io.spineconsole.domain.messages.PlanVerdict;
import io.spineconsole.domain.messages.SearchPlan;
import io.spineconsole.sandbox.Sql;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a message search will cost, before it runs: the store's own plan (PostgreSQL's
 * {@code EXPLAIN (FORMAT JSON)}, H2's {@code EXPLAIN}) of the very statements the search's first page
 * runs ({@link MessageQuery#page}, one per branch, in the window {@link MessageStore#firstWindow}
 * settles), added up over the branches; on PostgreSQL the matches are the planner's estimate of all
 * filters together, the one the search's approximate count asks for ({@link MessageQuery#estimate}). Rows to read are those the first page reads: a range read in
 * the page's order stops at the limit, a sorted one reads every match; on H2 a search that does not fit
 * one page also counts its matches (up to {@link MessageStore#COUNT_CAP} a branch), and those reads are
 * added; on PostgreSQL that count is a planner estimate and reads nothing. Nothing here runs the search.
 */
public final class SearchPlanner {
    /** A search that would read more rows than this is "costly": the console asks before running it. */
    public static final long DEFAULT_READ_THRESHOLD = 50_000;
    private static final String PRIMARY_KEY = "message_pk";
    private static final String TIME_INDEX = "message_by_time";

    private final Sql sql;
    private final ObjectMapper mapper;
    private final boolean postgres;
    private final MessageParties parties;
    private final MessagePartitions partitions;
    private volatile long readThreshold;
    private final PostgresPlanReader postgresReader;
    private final H2PlanReader h2Reader;

    SearchPlanner(Sql sql, boolean postgres, ObjectMapper mapper, MessageParties parties, MessagePartitions partitions,
                  long readThreshold) {
        this.sql = sql;
        this.mapper = mapper;
        this.postgres = postgres;
        this.parties = parties;
        this.partitions = partitions;
        this.readThreshold = readThreshold;
        this.postgresReader = new PostgresPlanReader(sql, mapper);
        this.h2Reader = new H2PlanReader(sql);
    }

    /**
     * Sets the rows to read above which a search is costly: a sandbox holds only a few thousand messages,
     * so a demonstration (or a test) lowers it to show the console's hold on a costly search.
     */
    public void setReadThreshold(long rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("a read threshold is at least one row");
        }
        this.readThreshold = rows;
    }

    /** The plan of {@code search}'s first page as it would run at {@code now}; a bad window is refused as the search refuses it. */
    public SearchPlan plan(MessageSearch search, Instant now) {
        MessageStore.Window w = MessageStore.firstWindow(search, now);
        MessageQuery query = new MessageQuery(search, w.from(), w.to());
        int limit = search.limit();
        List<BranchPlan> branches = new ArrayList<>();
        for (MessageQuery.Branch b : query.branches(parties)) {
            MessageQuery.Statement page = query.page(b, null, limit + 1);
            branches.add(postgres ? postgresReader.read(page) : h2Reader.read(page, b, search, w.from(), w.to()));
        }
        double matching = 0;
        double read = 0;
        Map<String, Double> reads = new LinkedHashMap<>();
        Set<String> partitionsRead = new LinkedHashSet<>();
        int removed = 0;
        for (BranchPlan b : branches) {
            matching += b.matchingRows();
            read += b.rowsToRead(limit + 1);
            b.reads().forEach((index, rows) -> reads.merge(index, rows, Double::sum));
            partitionsRead.addAll(b.partitions());
            removed += b.partitionsRemoved();
        }
        if (postgres) {
            // The matches as the search's own approximate count has them: all filters in one statement, which
            // the planner judges better than a branch whose filters repeat its index condition.
            matching = Explain.postgresRows(sql, mapper, query.estimate());
        }
        if (search.messageId() != null) {
            matching = Math.min(matching, 1); // an id is one message's at most, whatever the partitions guess
        }
        long matches = Math.round(matching);
        boolean complete = matches <= limit;
        if (!postgres && !complete) {
            for (BranchPlan b : branches) {
                read += b.matchingRows() > MessageStore.COUNT_CAP
                        ? b.rangeRows() * MessageStore.COUNT_CAP / b.matchingRows() : b.rangeRows();
            }
        }
        // Every row returned is read: the estimates of the parts and of the whole may disagree a little.
        long rowsToRead = Math.max((long) Math.ceil(read), Math.min(matches, limit));
        Integer partitionCount = null;
        Integer pruned = null;
        if (postgres) {
            partitionCount = partitionsRead.size() - Math.min(removed, partitionsRead.size());
            pruned = Math.max(0, partitions.days().size() - partitionCount);
        }
        List<String> indexes = reads.keySet().stream().filter(i -> !i.equals(BranchPlan.TABLE)).toList();
        return new SearchPlan(access(reads), indexes, rowsToRead, matches, Math.min(matches, limit),
                limit, complete, rowsToRead > readThreshold ? PlanVerdict.COSTLY : PlanVerdict.CHEAP, readThreshold,
                partitionCount, pruned);
    }

    /**
     * How the rows are reached, by what reads most of them: on PostgreSQL one partition may be read by
     * one index and the next by another, and a tiny or empty partition by a sequential scan.
     */
    private static PlanAccess access(Map<String, Double> reads) {
        String most = reads.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        if (most == null) {
            return PlanAccess.INDEX; // no branch at all: a party that never appeared; nothing is read
        }
        return switch (most) {
            case BranchPlan.TABLE -> PlanAccess.SCAN;
            case PRIMARY_KEY -> PlanAccess.LOOKUP;
            case TIME_INDEX -> PlanAccess.TIME_RANGE;
            default -> PlanAccess.INDEX;
        };
    }
}
