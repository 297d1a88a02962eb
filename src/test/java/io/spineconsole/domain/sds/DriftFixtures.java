package io.spineconsole.domain.sds;

import io.spineconsole.domain.messages.MessagingPattern;
import io.spineconsole.domain.registrations.RegistrationStatus;
import io.spineconsole.domain.registrations.AccreditedSystem;
import io.spineconsole.domain.registrations.MhsActor;
import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.domain.registrations.Reliability;
import io.spineconsole.domain.registrations.ReliabilityFlag;
import io.spineconsole.domain.registrations.SyncReplyMode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Registrations and SDS records for the drift tests, with only the fields drift compares. */
final class DriftFixtures {
    static final String PSIS = "urn:nhs:names:services:psis:REPC_IN150016UK05";
    static final String PDS = "urn:nhs:names:services:pdsquery:QUPA_IN000008UK02";
    static final String GP2GP = "urn:nhs:names:services:gp2gp:RCMR_IN030000UK06";
    static final Reliability RELIABLE = new Reliability(2, "PT1M", "PT5M", ReliabilityFlag.ALWAYS,
            ReliabilityFlag.ALWAYS, SyncReplyMode.MSH_SIGNALS_ONLY);
    static final SdsReliability PUBLISHED_RELIABLE = new SdsReliability("MSHSignalsOnly", "PT1M", "2", "PT5M",
            "always", "always", "urn:oasis:names:tc:ebxml-msg:actor:toPartyMSH");

    private DriftFixtures() {
    }

    static MhsEndpoint ours(String uuidSeed, String ods, String partyKey, String url, String fqdn, String cpaId,
                            List<String> interactions, Reliability reliability, String sdsId) {
        return new MhsEndpoint(UUID.nameUUIDFromBytes(uuidSeed.getBytes()), "Endpoint " + uuidSeed, ods, partyKey, url,
                fqdn, cpaId, interactions, MessagingPattern.ASYNC_RELIABLE, reliability,
                reliability == null ? null : MhsActor.TO_PARTY_MSH, null, sdsId, RegistrationStatus.ACTIVE, null, 1,
                Instant.EPOCH, "test", Instant.EPOCH, "test");
    }

    /** A reliable endpoint of organisation {@code ods} and its twin as SDS publishes it. */
    static MhsEndpoint reliable(String ods, int n) {
        return ours(ods + n, ods, ods + "-00008" + n, "https://mhs" + n + "." + ods.toLowerCase() + ".nhs.uk/reliablemessaging/reliablerequest",
                "mhs" + n + "." + ods.toLowerCase() + ".nhs.uk", "S" + ods + "A00" + n, List.of(PSIS, PDS), RELIABLE, null);
    }

    static SdsEndpoint publishedTwin(MhsEndpoint e) {
        return new SdsEndpoint("SDS-" + e.cpaId(), "active", "hl7-fhir-msg", e.url(), e.odsCode(), e.fqdn(), e.partyKey(),
                e.cpaId(), e.cpaId(), e.interactions(), e.reliability() == null ? null : PUBLISHED_RELIABLE);
    }

    static AccreditedSystem system(String asid, String ods, String partyKey, String manufacturer, List<String> interactions) {
        return new AccreditedSystem(asid, ods, "System " + asid, manufacturer, "Product", "1.0", partyKey, interactions,
                null, RegistrationStatus.ACTIVE, null, 1, Instant.EPOCH, "test", Instant.EPOCH, "test");
    }

    static SdsDevice device(AccreditedSystem s) {
        return new SdsDevice("DEV-" + s.asid(), s.asid(), s.partyKey(), s.odsCode(), null, s.manufacturerOdsCode(),
                s.interactions());
    }
}
