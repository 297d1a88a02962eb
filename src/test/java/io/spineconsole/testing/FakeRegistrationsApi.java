package io.spineconsole.testing;

import io.spineconsole.api.Page;
import io.spineconsole.api.RegistrationsApi;
import io.spineconsole.domain.messages.MessagingPattern;
import io.spineconsole.domain.registrations.AccreditedSystem;
import io.spineconsole.domain.registrations.AccreditedSystemCreate;
import io.spineconsole.domain.registrations.AccreditedSystemUpdate;
import io.spineconsole.domain.registrations.CheckReport;
import io.spineconsole.domain.registrations.CheckRequest;
import io.spineconsole.domain.registrations.ImportReport;
import io.spineconsole.domain.registrations.InteractionList;
import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.domain.registrations.MhsEndpointChange;
import io.spineconsole.domain.registrations.Organisation;
import io.spineconsole.domain.registrations.OrganisationCreate;
import io.spineconsole.domain.registrations.OrganisationUpdate;
import io.spineconsole.domain.registrations.RegistrationFileType;
import io.spineconsole.domain.registrations.RegistrationFilter;
import io.spineconsole.domain.registrations.RegistrationStatus;
import io.spineconsole.domain.registrations.RecordType;
import io.spineconsole.domain.registrations.TransitionRequest;
import io.spineconsole.domain.sds.DriftExpectation;
import io.spineconsole.domain.sds.DriftExpectationCreate;

import java.io.OutputStream;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link RegistrationsApi} for tests: override the calls a test needs in an anonymous subclass;
 * every other call goes to the API it was made over, or, made with no API, fails the test at once
 * as not faked. Over a real API it records and changes calls on their way (a spy).
 */
public class FakeRegistrationsApi implements RegistrationsApi {
    private final RegistrationsApi real;

    /** Answers only what a subclass overrides. */
    public FakeRegistrationsApi() {
        this(NotFaked.port(RegistrationsApi.class));
    }

    /** Forwards what a subclass does not override to {@code real}. */
    public FakeRegistrationsApi(RegistrationsApi real) {
        this.real = real;
    }

    @Override
    public CompletableFuture<InteractionList> interactions(MessagingPattern pattern, String q) {
        return real.interactions(pattern, q);
    }

    @Override
    public CompletableFuture<Page<Organisation>> organisations(RegistrationFilter filter, String cursor, int limit) {
        return real.organisations(filter, cursor, limit);
    }

    @Override
    public CompletableFuture<Organisation> organisation(String odsCode) {
        return real.organisation(odsCode);
    }

    @Override
    public CompletableFuture<Organisation> createOrganisation(OrganisationCreate body) {
        return real.createOrganisation(body);
    }

    @Override
    public CompletableFuture<Organisation> updateOrganisation(String odsCode, long version, OrganisationUpdate body) {
        return real.updateOrganisation(odsCode, version, body);
    }

    @Override
    public CompletableFuture<Void> deleteOrganisation(String odsCode, long version) {
        return real.deleteOrganisation(odsCode, version);
    }

    @Override
    public CompletableFuture<Organisation> transitionOrganisation(String odsCode, long version,
                                                                  TransitionRequest body) {
        return real.transitionOrganisation(odsCode, version, body);
    }

    @Override
    public CompletableFuture<Page<AccreditedSystem>> accreditedSystems(RegistrationFilter filter, String cursor,
                                                                       int limit) {
        return real.accreditedSystems(filter, cursor, limit);
    }

    @Override
    public CompletableFuture<AccreditedSystem> accreditedSystem(String asid) {
        return real.accreditedSystem(asid);
    }

    @Override
    public CompletableFuture<AccreditedSystem> createAccreditedSystem(AccreditedSystemCreate body) {
        return real.createAccreditedSystem(body);
    }

    @Override
    public CompletableFuture<AccreditedSystem> updateAccreditedSystem(String asid, long version,
                                                                      AccreditedSystemUpdate body) {
        return real.updateAccreditedSystem(asid, version, body);
    }

    @Override
    public CompletableFuture<Void> deleteAccreditedSystem(String asid, long version) {
        return real.deleteAccreditedSystem(asid, version);
    }

    @Override
    public CompletableFuture<AccreditedSystem> transitionAccreditedSystem(String asid, long version,
                                                                          TransitionRequest body) {
        return real.transitionAccreditedSystem(asid, version, body);
    }

    @Override
    public CompletableFuture<Page<MhsEndpoint>> endpoints(RegistrationFilter filter, String cursor, int limit) {
        return real.endpoints(filter, cursor, limit);
    }

    @Override
    public CompletableFuture<MhsEndpoint> endpoint(UUID id) {
        return real.endpoint(id);
    }

    @Override
    public CompletableFuture<MhsEndpoint> createEndpoint(MhsEndpointChange body) {
        return real.createEndpoint(body);
    }

    @Override
    public CompletableFuture<MhsEndpoint> updateEndpoint(UUID id, long version, MhsEndpointChange body) {
        return real.updateEndpoint(id, version, body);
    }

    @Override
    public CompletableFuture<Void> deleteEndpoint(UUID id, long version) {
        return real.deleteEndpoint(id, version);
    }

    @Override
    public CompletableFuture<MhsEndpoint> transitionEndpoint(UUID id, long version, TransitionRequest body) {
        return real.transitionEndpoint(id, version, body);
    }

    @Override
    public CompletableFuture<CheckReport> runChecks(CheckRequest request) {
        return real.runChecks(request);
    }

    @Override
    public CompletableFuture<ImportReport> importFhir(byte[] bundle, boolean dryRun, boolean atomic,
                                                      RegistrationStatus createAs, boolean registerMissingOwners) {
        return real.importFhir(bundle, dryRun, atomic, createAs, registerMissingOwners);
    }

    @Override
    public CompletableFuture<ImportReport> importCsv(RegistrationFileType type, byte[] csv, boolean dryRun,
                                                     boolean atomic, RegistrationStatus createAs,
                                                     boolean registerMissingOwners) {
        return real.importCsv(type, csv, dryRun, atomic, createAs, registerMissingOwners);
    }

    @Override
    public CompletableFuture<Long> export(String format, RegistrationFileType type, RegistrationFilter filter,
                                          OutputStream target) {
        return real.export(format, type, filter, target);
    }

    @Override
    public CompletableFuture<ImportReport> importFhirFile(java.nio.file.Path file, boolean dryRun, boolean atomic,
                                                          RegistrationStatus createAs, boolean registerMissingOwners,
                                                          java.util.function.LongConsumer sent) {
        return real.importFhirFile(file, dryRun, atomic, createAs, registerMissingOwners, sent);
    }

    @Override
    public CompletableFuture<Page<DriftExpectation>> driftExpectations(RecordType type, String cursor, int limit) {
        return real.driftExpectations(type, cursor, limit);
    }

    @Override
    public CompletableFuture<DriftExpectation> markDriftExpected(DriftExpectationCreate body) {
        return real.markDriftExpected(body);
    }

    @Override
    public CompletableFuture<Void> unmarkDriftExpected(UUID expectationId) {
        return real.unmarkDriftExpected(expectationId);
    }
}
