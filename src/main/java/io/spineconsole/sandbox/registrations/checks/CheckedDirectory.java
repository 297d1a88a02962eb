package io.spineconsole.sandbox.registrations.checks;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What one run of the checks has read: only the columns the rules look at, values as stored (codes
 * as text, CHAR columns as padded), and for each record whether the run reports on it ({@code inScope})
 * or only compares with it.
 */
final class CheckedDirectory {

    /** An organisation: code, parent's code, status, and its name (to name the records it owns in findings). */
    record Org(String ods, String parent, String status, boolean inScope, String name) {
        Org(String ods, String parent, String status, boolean inScope) {
            this(ods, parent, status, inScope, null);
        }
    }

    /** An accredited system; {@code asid} as stored (CHAR(12): padded on some databases), findings name it trimmed. */
    record Sys(String asid, String ods, String partyKey, String manufacturer, String status, boolean inScope,
               Interactions interactions) {
        Sys(String asid, String ods, String partyKey, String manufacturer, String status, boolean inScope) {
            this(asid, ods, partyKey, manufacturer, status, inScope, new Interactions());
        }

        String id() {
            return asid.trim();
        }
    }

    /** An endpoint, by its internal {@code id} (for ordering) and its public {@code uuid}. */
    record Endpoint(long id, String uuid, String partyKey, String ods, String url, String fqdn, String pattern,
                    String retryInterval, Instant notBefore, Instant notAfter, String status, boolean inScope,
                    Interactions interactions) {
        Endpoint(long id, String uuid, String partyKey, String ods, String url, String fqdn, String pattern,
                 String retryInterval, Instant notBefore, Instant notAfter, String status, boolean inScope) {
            this(id, uuid, partyKey, ods, url, fqdn, pattern, retryInterval, notBefore, notAfter, status, inScope,
                    new Interactions());
        }
    }

    /** A record's interaction list, filled as its rows are read: ids (shared between records) and their positions. */
    static final class Interactions {
        private String[] ids = new String[0];
        private int[] positions = new int[0];
        private int size;

        void add(String id, int position) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, Math.max(4, size * 2));
                positions = Arrays.copyOf(positions, Math.max(4, size * 2));
            }
            ids[size] = id;
            positions[size] = position;
            size++;
        }

        int size() {
            return size;
        }

        void forEach(Visitor visitor) {
            for (int i = 0; i < size; i++) {
                visitor.visit(ids[i], positions[i]);
            }
        }

        /** Sees each listed interaction with its position. */
        @FunctionalInterface
        interface Visitor {
            void visit(String id, int position);
        }
    }

    final Map<String, Org> organisations = new HashMap<>();
    /** By ASID as the database compares it (trailing spaces dropped). */
    final Map<String, Sys> systems = new LinkedHashMap<>();
    final Map<Long, Endpoint> endpoints = new LinkedHashMap<>();
    /** Interaction id → messaging pattern code. */
    final Map<String, String> catalogue = new HashMap<>();
    /** One shared copy of each interaction id (a few hundred distinct among ~250,000 rows). */
    private final Map<String, String> interned = new HashMap<>();

    String intern(String s) {
        return s == null ? null : interned.computeIfAbsent(s, Function.identity());
    }

    /** How many records the run reports on. */
    long checked() {
        return inScope(organisations.values(), Org::inScope).size() + inScope(systems.values(), Sys::inScope).size()
                + inScope(endpoints.values(), Endpoint::inScope).size();
    }

    List<Org> organisationsInScope() {
        return inScope(organisations.values(), Org::inScope);
    }

    List<Sys> systemsInScope() {
        return inScope(systems.values(), Sys::inScope);
    }

    List<Endpoint> endpointsInScope() {
        return inScope(endpoints.values(), Endpoint::inScope);
    }

    private static <T> List<T> inScope(Collection<T> records, Function<T, Boolean> inScope) {
        return records.stream().filter(inScope::apply).toList();
    }
}
