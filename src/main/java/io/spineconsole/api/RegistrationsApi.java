package io.spineconsole.api;

import io.spineconsole.domain.messages.MessagingPattern;
import io.spineconsole.domain.registrations.RegistrationStatus;
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
import io.spineconsole.domain.registrations.RecordType;
import io.spineconsole.domain.registrations.TransitionRequest;
import io.spineconsole.domain.sds.DriftExpectation;
import io.spineconsole.domain.sds.DriftExpectationCreate;

import java.io.OutputStream;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The registrations operations of the admin API (see openapi.yaml, tag "registrations"). Every method is
 * asynchronous; failures complete the future with an {@link ApiException}. Changes take the version the
 * edit was based on (sent as If-Match): a stale one fails with {@link ApiException.Kind#CONFLICT} and
 * {@link ApiException#current()} holds the record as it is now.
 */
public interface RegistrationsApi {

    CompletableFuture<InteractionList> interactions(MessagingPattern pattern, String q);

    CompletableFuture<Page<Organisation>> organisations(RegistrationFilter filter, String cursor, int limit);

    CompletableFuture<Organisation> organisation(String odsCode);

    CompletableFuture<Organisation> createOrganisation(OrganisationCreate body);

    CompletableFuture<Organisation> updateOrganisation(String odsCode, long version, OrganisationUpdate body);

    CompletableFuture<Void> deleteOrganisation(String odsCode, long version);

    CompletableFuture<Organisation> transitionOrganisation(String odsCode, long version, TransitionRequest body);

    CompletableFuture<Page<AccreditedSystem>> accreditedSystems(RegistrationFilter filter, String cursor, int limit);

    CompletableFuture<AccreditedSystem> accreditedSystem(String asid);

    CompletableFuture<AccreditedSystem> createAccreditedSystem(AccreditedSystemCreate body);

    CompletableFuture<AccreditedSystem> updateAccreditedSystem(String asid, long version, AccreditedSystemUpdate body);

    CompletableFuture<Void> deleteAccreditedSystem(String asid, long version);

    CompletableFuture<AccreditedSystem> transitionAccreditedSystem(String asid, long version, TransitionRequest body);

    CompletableFuture<Page<MhsEndpoint>> endpoints(RegistrationFilter filter, String cursor, int limit);

    CompletableFuture<MhsEndpoint> endpoint(UUID id);

    CompletableFuture<MhsEndpoint> createEndpoint(MhsEndpointChange body);

    CompletableFuture<MhsEndpoint> updateEndpoint(UUID id, long version, MhsEndpointChange body);

    CompletableFuture<Void> deleteEndpoint(UUID id, long version);

    CompletableFuture<MhsEndpoint> transitionEndpoint(UUID id, long version, TransitionRequest body);

    /** Runs the registration checks (read-only; any role). */
    CompletableFuture<CheckReport> runChecks(CheckRequest request);

    /**
     * Imports an SDS FHIR Bundle of Device / Endpoint resources; a dry run writes nothing.
     *
     * @param registerMissingOwners register the owners the bundle needs that are not registered (as requested),
     *                              instead of rejecting the entries that need them
     */
    CompletableFuture<ImportReport> importFhir(byte[] bundle, boolean dryRun, boolean atomic, RegistrationStatus createAs,
                                               boolean registerMissingOwners);

    /**
     * Imports an SDS FHIR Bundle from {@code file}, streamed as it is read, never held whole (a national extract of
     * 100,000 endpoints is about 190 MB). Sent once, without an Idempotency-Key, and not retried: an import of the
     * same records again reports them unchanged. {@code sent} hears the bytes sent so far (on an HTTP thread);
     * cancelling the future stops the upload. Missing owners as for {@link #importFhir}.
     */
    CompletableFuture<ImportReport> importFhirFile(java.nio.file.Path file, boolean dryRun, boolean atomic,
                                                   RegistrationStatus createAs, boolean registerMissingOwners,
                                                   java.util.function.LongConsumer sent);

    /** Imports a CSV file of one record type; a dry run writes nothing. Missing owners as for {@link #importFhir}. */
    CompletableFuture<ImportReport> importCsv(RegistrationFileType type, byte[] csv, boolean dryRun, boolean atomic,
                                              RegistrationStatus createAs, boolean registerMissingOwners);

    /**
     * Streams the registrations matching {@code filter} into {@code target}: {@code csv} (needs a type) or
     * {@code fhir} (a Bundle; type null = Devices and Endpoints). Completes with the number of bytes written.
     */
    CompletableFuture<Long> export(String format, RegistrationFileType type, RegistrationFilter filter, OutputStream target);

    /** Drift rows marked as expected, by type, status and key; {@code type} null for both record types. */
    CompletableFuture<Page<DriftExpectation>> driftExpectations(RecordType type, String cursor, int limit);

    /** Marks a drift row as expected, with a reason (operator or admin; audited). */
    CompletableFuture<DriftExpectation> markDriftExpected(DriftExpectationCreate body);

    /** Removes an expectation: the row counts as drift again (operator or admin; audited). */
    CompletableFuture<Void> unmarkDriftExpected(UUID expectationId);
}
