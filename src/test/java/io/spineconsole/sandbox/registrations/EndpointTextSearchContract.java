package io.spineconsole.sandbox.registrations;

import io.spineconsole.api.Page;
import io.spineconsole.api.http.HttpBackboneApi;
import io.spineconsole.api.http.HttpBackboneApi.HttpClientOptions;
import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.domain.registrations.RegistrationFilter;
import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.sandbox.SeedData;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.StoreContract;
import io.spineconsole.sandbox.TestStore;
import io.spineconsole.testing.Pages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The endpoints list's free text, on H2 and on PostgreSQL, against the rule it promises: a party key or ODS
 * code that starts with the text (ignoring case), an FQDN that starts with it, or a name that contains it.
 * Every page of each search, in each order, is compared with that rule applied to the whole unfiltered list
 * (H2 reads the text through its narrow index in the default order; PostgreSQL through its trigram index).
 */
abstract class EndpointTextSearchContract extends StoreContract {
    private SandboxFixture sandbox;
    private HttpBackboneApi admin;

    EndpointTextSearchContract(TestStore store) {
        super(store);
    }

    @BeforeAll
    void start() {
        sandbox = store.startSandbox(new SeedData.Scale(400, 0, 2_000));
        admin = new HttpBackboneApi(sandbox.baseUrl(), sandbox::adminToken, sandbox.clientOptions(HttpClientOptions.defaults()));
        // Seeded endpoints have no names: give some a name a person would search for, and one a LIKE pattern's
        // wildcards would match if they were not escaped.
        Sql sql = new Sql(sandbox.backbone().database().dataSource());
        sql.update("UPDATE mhs_endpoint SET name = 'Leeds Teaching Hospitals – main MHS' WHERE MOD(id, 7) = 0");
        sql.update("UPDATE mhs_endpoint SET name = 'Oakwood_Surgery 100% MHS' WHERE MOD(id, 11) = 0");
    }

    @AfterAll
    void stop() {
        admin.close();
        sandbox.close();
    }

    @Test
    void everyPageOfEveryTypedPrefixIsWhatTheRuleSelectsInTheListsOrder() {
        for (String sort : List.of("party-key", "-party-key", "ods-code")) {
            List<MhsEndpoint> all = all(RegistrationFilter.none().withSort(sort));
            assertTrue(all.size() > 1_000, "a directory to search: " + all.size());
            String partyKey = all.get(all.size() / 2).partyKey();
            String fqdn = all.get(all.size() / 3).fqdn();
            for (String phrase : List.of(partyKey, partyKey.toLowerCase(Locale.ROOT), fqdn.substring(0, 8), "leeds teaching",
                    "TEACHING", "a8", "zzzz-no-such")) {
                for (int i = 1; i <= phrase.length(); i += Math.max(1, phrase.length() / 4)) {
                    String q = phrase.substring(0, i);
                    List<MhsEndpoint> expected = all.stream().filter(matches(q)).toList();
                    List<MhsEndpoint> found = all(RegistrationFilter.none().withQ(q).withSort(sort));
                    assertEquals(ids(expected), ids(found), "q=" + q + " sort=" + sort);
                    Page<MhsEndpoint> first = admin.registrations().endpoints(RegistrationFilter.none().withQ(q)
                            .withSort(sort), null, 100).join();
                    assertEquals(expected.size(), first.approximateTotal(), "the total for q=" + q);
                }
            }
        }
    }

    @Test
    void wildcardsInTheTextAreLiteralAndANewNameIsFoundAtOnce() {
        assertEquals(all(RegistrationFilter.none()).stream().filter(matches("_surgery 100%")).count(),
                all(RegistrationFilter.none().withQ("_surgery 100%")).size());
        assertTrue(all(RegistrationFilter.none().withQ("_Surgery 100%")).size() > 10, "the named endpoints are found");
        assertTrue(all(RegistrationFilter.none().withQ("x_surgery")).isEmpty(), "'_' is not a wildcard");
        assertTrue(all(RegistrationFilter.none().withQ("100%%")).isEmpty(), "'%' is not a wildcard");

        String name = "Renamed " + UUID.randomUUID();
        new Sql(sandbox.backbone().database().dataSource()).update(
                "UPDATE mhs_endpoint SET name = ? WHERE id = (SELECT MIN(id) FROM mhs_endpoint)", name);
        List<MhsEndpoint> found = all(RegistrationFilter.none().withQ(name.substring(3).toUpperCase(Locale.ROOT)));
        assertEquals(List.of(name), found.stream().map(MhsEndpoint::name).toList());
        assertFalse(all(RegistrationFilter.none().withQ("leeds teaching")).stream().anyMatch(e -> name.equals(e.name())));
    }

    /** The list's promise for free text, written out. */
    private static Predicate<MhsEndpoint> matches(String q) {
        String upper = q.toUpperCase(Locale.ROOT);
        String lower = q.toLowerCase(Locale.ROOT);
        return e -> e.partyKey().startsWith(upper) || (e.odsCode() != null && e.odsCode().startsWith(upper))
                || (e.fqdn() != null && e.fqdn().startsWith(lower))
                || (e.name() != null && e.name().toLowerCase(Locale.ROOT).contains(lower));
    }

    /** Every page of a search, in order, through the API as the console pages it. */
    private List<MhsEndpoint> all(RegistrationFilter filter) {
        return Pages.all(cursor -> admin.registrations().endpoints(filter, cursor, 500));
    }

    private static List<UUID> ids(List<MhsEndpoint> endpoints) {
        return endpoints.stream().map(MhsEndpoint::id).toList();
    }
}
