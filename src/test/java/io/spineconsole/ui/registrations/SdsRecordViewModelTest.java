package io.spineconsole.ui.registrations;

import io.spineconsole.api.http.sds.HttpSdsDirectory;
import io.spineconsole.domain.registrations.AccreditedSystem;
import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.domain.registrations.RegistrationStatus;
import io.spineconsole.domain.sds.DriftField;
import io.spineconsole.domain.sds.SdsDevice;
import io.spineconsole.sds.NationalSdsData;
import io.spineconsole.sds.SdsContractValidator;
import io.spineconsole.sds.SdsStandIn;
import io.spineconsole.ui.common.I18n;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The "Published in SDS" panel's model against the stand-in SDS server: SDS's record beside ours field by field,
 * the fields that differ marked (and untidy spelling that means the same not marked), a record SDS does not
 * publish, a refused API key in words, and no SDS connection at all.
 */
class SdsRecordViewModelTest {
    private static final I18n I18N = new I18n(Locale.UK);
    private static final NationalSdsData DATA = NationalSdsData.national();
    private static SdsStandIn standIn;
    private static HttpSdsDirectory sds;

    @BeforeAll
    static void start() throws Exception {
        standIn = new SdsStandIn(DATA, SdsStandIn.Config.defaults());
        sds = HttpSdsDirectory.create(standIn.baseUrl(), SdsStandIn.API_KEY, HttpSdsDirectory.Options.defaults()
                .withPace(200, 20));
    }

    @AfterAll
    static void stop() {
        sds.close();
        List<String> violations = new SdsContractValidator().violations(standIn.exchanges());
        standIn.close();
        assertEquals(List.of(), violations, "every lookup kept the published contract");
    }

    @Test
    void anEndpointWithOtherRetriesShowsEveryFieldAndMarksOnlyRetries() {
        MhsEndpoint ours = DATA.registered(IntStream.range(0, DATA.endpoints())
                .filter(i -> DATA.drift(i) == NationalSdsData.Drift.RETRIES && DATA.endpoint(i).reliability().retries() != null)
                .findFirst().orElseThrow());
        SdsRecordViewModel vm = lookUp(ours);

        assertEquals(SdsRecordViewModel.State.DIFFERENT, vm.stateProperty().get());
        assertEquals("1 field differs from what SDS publishes.", vm.messageProperty().get());
        assertEquals(List.of(DriftField.RETRIES), vm.rows().stream().filter(SdsRecordViewModel.FieldRow::differs)
                .map(SdsRecordViewModel.FieldRow::field).toList());
        SdsRecordViewModel.FieldRow retries = vm.rows().stream().filter(r -> r.field() == DriftField.RETRIES).findFirst()
                .orElseThrow();
        assertEquals(String.valueOf(ours.reliability().retries()), retries.ours());
        assertEquals(String.valueOf(ours.reliability().retries() - 1), retries.published());
        assertEquals("Address", vm.rows().get(1).label());
        assertEquals(ours.url(), vm.rows().get(1).ours());
        assertEquals(ours.url(), vm.rows().get(1).published());
    }

    @Test
    void untidySpellingThatMeansTheSameIsNotADifference() {
        SdsRecordViewModel vm = lookUp(DATA.registered(first(NationalSdsData.Drift.SPELLING)));

        assertEquals(SdsRecordViewModel.State.SAME, vm.stateProperty().get(), vm.rows().toString());
        assertEquals("SDS publishes the same record.", vm.messageProperty().get());
        assertTrue(vm.rows().stream().noneMatch(SdsRecordViewModel.FieldRow::differs));
    }

    @Test
    void anAccreditedSystemIsLookedUpByAsidAndItsInteractionsCompared() {
        SdsDevice published = DATA.device(3);
        List<String> fewer = published.interactions().subList(0, published.interactions().size() - 1);
        AccreditedSystem ours = new AccreditedSystem(published.asid(), published.odsCode(), "GP system",
                published.manufacturerOdsCode(), null, null, published.partyKey(), fewer, published.id(),
                RegistrationStatus.ACTIVE, null, 1, Instant.EPOCH, "seed", Instant.EPOCH, "seed");
        UiQueue q = new UiQueue();
        SdsRecordViewModel vm = new SdsRecordViewModel(sds, q.ui, I18N);

        vm.show(ours);
        q.await("the lookup", () -> vm.stateProperty().get() != SdsRecordViewModel.State.LOADING);

        assertEquals(SdsRecordViewModel.State.DIFFERENT, vm.stateProperty().get(), vm.messageProperty().get());
        SdsRecordViewModel.FieldRow interactions = vm.rows().stream().filter(SdsRecordViewModel.FieldRow::differs)
                .findFirst().orElseThrow();
        assertEquals(DriftField.INTERACTIONS, interactions.field());
        String last = published.interactions().get(published.interactions().size() - 1);
        assertTrue(interactions.published().endsWith("only in SDS: " + last), interactions.published());
    }

    @Test
    void aRecordSdsDoesNotPublishIsSaidSo() {
        MhsEndpoint registered = DATA.registered(first(NationalSdsData.Drift.NONE));
        MhsEndpoint unknown = new MhsEndpoint(registered.id(), registered.name(), "ZZZ99", "ZZZ99-0000001",
                registered.url(), registered.fqdn(), registered.cpaId(), registered.interactions(),
                registered.messagingPattern(), registered.reliability(), registered.mhsActor(), null, null,
                RegistrationStatus.ACTIVE, null, 1, Instant.EPOCH, "seed", Instant.EPOCH, "seed");

        SdsRecordViewModel vm = lookUp(unknown);

        assertEquals(SdsRecordViewModel.State.NOT_PUBLISHED, vm.stateProperty().get());
        assertEquals("SDS publishes no such record.", vm.messageProperty().get());
        assertTrue(vm.rows().isEmpty());
    }

    @Test
    void aRefusedApiKeyIsSaidInWordsWithTheDetailToQuote() throws Exception {
        try (HttpSdsDirectory wrongKey = HttpSdsDirectory.create(standIn.baseUrl(), "not-the-key",
                HttpSdsDirectory.Options.defaults())) {
            UiQueue q = new UiQueue();
            SdsRecordViewModel vm = new SdsRecordViewModel(wrongKey, q.ui, I18N);
            vm.show(DATA.registered(first(NationalSdsData.Drift.NONE)));
            q.await("the failure", () -> vm.stateProperty().get() == SdsRecordViewModel.State.FAILED);

            assertTrue(vm.messageProperty().get().startsWith("SDS refused the API key: check the key of the SDS connection."),
                    vm.messageProperty().get());
            assertFalse(vm.detailProperty().get().isBlank());
            assertFalse(vm.detailProperty().get().contains("not-the-key"), "the key is never shown");
        }
    }

    @Test
    void withoutAnSdsConnectionThePanelSaysHowToAddOne() {
        SdsRecordViewModel vm = new SdsRecordViewModel(null, new UiQueue().ui, I18N);
        vm.show(DATA.registered(first(NationalSdsData.Drift.NONE)));

        assertEquals(SdsRecordViewModel.State.NO_CONNECTION, vm.stateProperty().get());
        assertTrue(vm.messageProperty().get().startsWith("No SDS connection is set up"));
    }

    private static SdsRecordViewModel lookUp(MhsEndpoint ours) {
        UiQueue q = new UiQueue();
        SdsRecordViewModel vm = new SdsRecordViewModel(sds, q.ui, I18N);
        vm.show(ours);
        q.await("the lookup", () -> vm.stateProperty().get() != SdsRecordViewModel.State.LOADING);
        return vm;
    }

    private static int first(NationalSdsData.Drift drift) {
        return IntStream.range(0, DATA.endpoints()).filter(i -> DATA.drift(i) == drift).findFirst().orElseThrow();
    }
}
