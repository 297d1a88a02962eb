package io.spineconsole.ui.registrations;

import io.spineconsole.api.BackboneApi;
import io.spineconsole.api.http.sds.HttpSdsDirectory;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.domain.registrations.MhsEndpointChange;
import io.spineconsole.domain.registrations.OrganisationCreate;
import io.spineconsole.domain.registrations.OrganisationKind;
import io.spineconsole.domain.registrations.RecordRef;
import io.spineconsole.domain.registrations.Reliability;
import io.spineconsole.domain.sds.DriftField;
import io.spineconsole.domain.sds.DriftRow;
import io.spineconsole.domain.sds.DriftStatus;
import io.spineconsole.domain.sds.SdsEndpoint;
import io.spineconsole.sds.NationalSdsData;
import io.spineconsole.sds.SdsStandIn;
import io.spineconsole.ui.common.I18n;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drift for one organisation and interaction, our sandbox against the stand-in SDS: the counts first, then a row
 * per record that is not the same, which opens our record and exports as CSV.
 */
class DriftViewModelTest {
    private static final I18n I18N = new I18n(Locale.UK);
    private static final NationalSdsData DATA = NationalSdsData.national();
    private static SdsStandIn standIn;
    private static HttpSdsDirectory sds;
    private static BackboneApi admin;
    private static Sandbox sandbox;

    @BeforeAll
    static void start() throws Exception {
        standIn = new SdsStandIn(DATA, SdsStandIn.Config.defaults());
        sds = HttpSdsDirectory.create(standIn.baseUrl(), SdsStandIn.API_KEY, HttpSdsDirectory.Options.defaults()
                .withPace(200, 20));
        sandbox = Sandbox.shared();
        admin = sandbox.client(Role.ADMIN);
    }

    @AfterAll
    static void stop() {
        sds.close();
        standIn.close();
    }

    @Test
    void countsComeFirstThenARowPerRecordThatDiffersOpensAndExports(@TempDir Path dir) throws Exception {
        int org = 4321;
        String ods = DATA.odsCode(org);
        List<SdsEndpoint> published = DATA.endpointsOf(org);
        SdsEndpoint first = published.stream().filter(e -> e.reliability() != null && e.reliability().retries() != null)
                .findFirst().orElseThrow();
        String interaction = first.interactions().get(0);
        admin.registrations().createOrganisation(new OrganisationCreate(ods, "Drift test", OrganisationKind.TRUST, null, null))
                .join();
        MhsEndpoint ours = createLike(first);
        long publishedForInteraction = published.stream().filter(e -> e.interactions().contains(interaction)).count();

        UiQueue q = new UiQueue();
        DriftViewModel vm = new DriftViewModel(sds, admin.registrations(), q.ui, I18N, Runnable::run);
        List<RecordRef> opened = new ArrayList<>();
        vm.setOnOpen(opened::add);
        vm.odsCodeProperty().set(ods.toLowerCase(Locale.ROOT));
        vm.interactionProperty().set(interaction);
        vm.compare();
        q.await("the comparison", () -> vm.stateProperty().get() != DriftViewModel.State.RUNNING);

        assertEquals(DriftViewModel.State.DONE, vm.stateProperty().get(), vm.messageProperty().get());
        assertTrue(vm.countsProperty().get().startsWith("Endpoint: 1 here, " + publishedForInteraction + " in SDS, 0 the same, "
                + "0 missing in SDS, " + (publishedForInteraction - 1) + " missing here, 1 different (Retries 1)"),
                vm.countsProperty().get());
        DriftRow different = vm.rows().stream().filter(r -> r.status() == DriftStatus.DIFFERENT).findFirst().orElseThrow();
        assertTrue(different.differsIn(DriftField.RETRIES));
        assertEquals("Retries: here 9, in SDS " + first.reliability().retries(), vm.describe(different));
        vm.open(different);
        vm.open(vm.rows().stream().filter(r -> r.status() == DriftStatus.MISSING_HERE).findFirst().orElseThrow());
        assertEquals(List.of(RecordRef.of(different.type(), ours.id().toString())), opened, "a record missing here has none to open");

        Path csv = dir.resolve("drift.csv");
        vm.export(csv);
        q.await("the export", () -> vm.messageProperty().get().startsWith("Exported"));
        List<String> lines = Files.readAllLines(csv);
        assertEquals("type,status,key,odsCode,ourId,sdsId,differences,expectedBy,expectedReason", lines.get(0));
        assertEquals(vm.rows().size() + 1, lines.size());
    }

    @Test
    void aRowMarkedAsExpectedSaysWhoAndWhyLeavesTheDriftCountsAndComesBackWhenUnMarked() throws Exception {
        int org = 4323;
        String ods = DATA.odsCode(org);
        SdsEndpoint first = DATA.endpointsOf(org).stream().filter(e -> e.reliability() != null
                && e.reliability().retries() != null).findFirst().orElseThrow();
        String interaction = first.interactions().get(0);
        admin.registrations().createOrganisation(new OrganisationCreate(ods, "Expected drift", OrganisationKind.TRUST, null,
                null)).join();
        createLike(first);
        UiQueue q = new UiQueue();
        DriftViewModel vm = new DriftViewModel(sds, admin.registrations(), q.ui, I18N, Runnable::run);
        vm.odsCodeProperty().set(ods);
        vm.interactionProperty().set(interaction);
        vm.compare();
        q.await("the comparison", () -> vm.stateProperty().get() != DriftViewModel.State.RUNNING);
        DriftRow different = vm.rows().stream().filter(r -> r.status() == DriftStatus.DIFFERENT).findFirst().orElseThrow();
        long drift = vm.rows().size();

        vm.markExpected(different, "x");
        assertEquals("Give a reason of 3 to 500 characters: why this drift is expected.", vm.messageProperty().get());
        assertTrue(vm.expectation(different).isEmpty(), "a too-short reason marks nothing");

        vm.markExpected(different, "Retries raised under CHG0052212; SDS catches up on Friday");
        q.await("the mark", () -> vm.expectation(different).isPresent());

        assertTrue(vm.countsProperty().get().contains("0 different; 1 marked as expected"), vm.countsProperty().get());
        assertEquals("Different, expected", vm.statusText(different));
        assertTrue(vm.expectationText(different).startsWith("Expected: Retries raised under CHG0052212; SDS catches up on "
                + "Friday (marked by "), vm.expectationText(different));
        assertTrue(vm.messageProperty().get().startsWith(I18N.get("registrations.drift.rows", drift - 1) + " 1 more is marked"),
                vm.messageProperty().get());

        DriftViewModel again = new DriftViewModel(sds, admin.registrations(), q.ui, I18N, Runnable::run);
        again.odsCodeProperty().set(ods);
        again.interactionProperty().set(interaction);
        again.compare();
        q.await("the second comparison", () -> again.stateProperty().get() != DriftViewModel.State.RUNNING);
        DriftRow sameRow = again.rows().get(again.rows().size() - 1);
        assertEquals(different.key(), sameRow.key(), "the next comparison lists the expected row last");
        assertTrue(again.expectation(sameRow).isPresent(), "and still shows it as expected");

        again.unmark(sameRow);
        q.await("the un-mark", () -> again.expectation(sameRow).isEmpty());
        assertTrue(again.countsProperty().get().contains("1 different (Retries 1)"), again.countsProperty().get());
        assertTrue(!again.countsProperty().get().contains("marked as expected"), again.countsProperty().get());
    }

    @Test
    void aMalformedOrganisationIsRefusedBeforeAskingAnyone() {
        DriftViewModel vm = new DriftViewModel(sds, admin.registrations(), new UiQueue().ui, I18N, Runnable::run);
        int before = standIn.requests();
        vm.odsCodeProperty().set("R 8");
        vm.interactionProperty().set("urn:nhs:names:services:psis:REPC_IN150016UK05");
        vm.compare();

        assertEquals(DriftViewModel.State.FAILED, vm.stateProperty().get());
        assertTrue(vm.messageProperty().get().startsWith("An ODS code is 3 to 9"));
        assertEquals(before, standIn.requests());
    }

    private static MhsEndpoint createLike(SdsEndpoint e) {
        Reliability r = new Reliability(9, e.reliability().retryInterval(), e.reliability().persistDuration(),
                io.spineconsole.domain.registrations.ReliabilityFlag.ALWAYS,
                io.spineconsole.domain.registrations.ReliabilityFlag.ALWAYS,
                io.spineconsole.domain.registrations.SyncReplyMode.MSH_SIGNALS_ONLY);
        return admin.registrations().createEndpoint(new MhsEndpointChange("Ours", e.odsCode(), e.partyKey(), e.address(),
                e.cpaId(), e.interactions(), io.spineconsole.domain.messages.MessagingPattern.ASYNC_RELIABLE, r,
                io.spineconsole.domain.registrations.MhsActor.TO_PARTY_MSH, e.fqdn(), null)).join();
    }
}
