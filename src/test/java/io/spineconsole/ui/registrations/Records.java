package io.spineconsole.ui.registrations;

import io.spineconsole.api.RegistrationsApi;
import io.spineconsole.domain.messages.MessagingPattern;
import io.spineconsole.domain.registrations.CertificateInput;
import io.spineconsole.domain.registrations.MhsActor;
import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.domain.registrations.MhsEndpointChange;
import io.spineconsole.domain.registrations.Organisation;
import io.spineconsole.domain.registrations.OrganisationCreate;
import io.spineconsole.domain.registrations.OrganisationKind;
import io.spineconsole.domain.registrations.RegistrationAction;
import io.spineconsole.domain.registrations.Reliability;
import io.spineconsole.domain.registrations.ReliabilityFlag;
import io.spineconsole.domain.registrations.SyncReplyMode;
import io.spineconsole.domain.registrations.TransitionRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Fresh records on the test sandbox, so tests never depend on each other's changes. */
final class Records {
    static final String PSIS = "urn:nhs:names:services:psis:REPC_IN150016UK05";
    private static final AtomicInteger NEXT = new AtomicInteger(1000);

    private Records() {
    }

    /** A new ODS code nobody else uses: Z + 4 digits. */
    static String ods() {
        return "Z" + NEXT.incrementAndGet();
    }

    static Organisation activeOrganisation(RegistrationsApi api) {
        Organisation o = api.createOrganisation(new OrganisationCreate(ods(), "Test Trust", OrganisationKind.TRUST, null,
                "LS1 3EX")).join();
        o = api.transitionOrganisation(o.odsCode(), o.version(), new TransitionRequest(RegistrationAction.APPROVE, "CAB")).join();
        return api.transitionOrganisation(o.odsCode(), o.version(), new TransitionRequest(RegistrationAction.ACTIVATE, "Live")).join();
    }

    static MhsEndpoint endpoint(RegistrationsApi api, Organisation owner) {
        String host = "mhs." + owner.odsCode().toLowerCase() + ".example";
        Instant now = Instant.now();
        return api.createEndpoint(new MhsEndpointChange("Test MHS", owner.odsCode(), owner.odsCode() + "-0000001",
                "https://" + host + "/reliablemessaging/reliablerequest", "S20001A000412", List.of(PSIS),
                MessagingPattern.ASYNC_RELIABLE, new Reliability(2, "PT2H", "PT7H", ReliabilityFlag.ALWAYS,
                ReliabilityFlag.ALWAYS, SyncReplyMode.MSH_SIGNALS_ONLY), MhsActor.TO_PARTY_MSH, null,
                new CertificateInput("CN=" + host, "CN=NHS Level 1C", "7C01D2E3", now.minus(Duration.ofDays(10)),
                        now.plus(Duration.ofDays(300))))).join();
    }
}
