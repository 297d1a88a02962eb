package io.spineconsole.sandbox.registrations.transfer;

import io.spineconsole.domain.messages.MessagingPattern;
import io.spineconsole.sandbox.Actor;
import io.spineconsole.domain.registrations.RegistrationStatus;
import io.spineconsole.domain.registrations.AccreditedSystem;
import io.spineconsole.domain.registrations.AccreditedSystemCreate;
import io.spineconsole.domain.registrations.AccreditedSystemUpdate;
import io.spineconsole.domain.registrations.Certificate;
import io.spineconsole.domain.registrations.CertificateInput;
import io.spineconsole.domain.registrations.CheckRule;
import io.spineconsole.domain.registrations.FieldIssue;
import io.spineconsole.domain.registrations.ImportOutcome;
import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.domain.registrations.MhsEndpointChange;
import io.spineconsole.domain.registrations.Organisation;
import io.spineconsole.domain.registrations.OrganisationCreate;
import io.spineconsole.domain.registrations.OrganisationUpdate;
import io.spineconsole.domain.registrations.Reliability;
import io.spineconsole.domain.registrations.RegistrationRules;
import io.spineconsole.sandbox.AuditLog;
import io.spineconsole.sandbox.outcome.RuleWords;
import io.spineconsole.sandbox.registrations.Registrations;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Plans each entry of one import against the store and what came earlier in the same file: the
 * record rules (errors refuse the entry, warnings are reported), owners that must exist, entries
 * repeated in the file, and whether the record would be created, updated or left unchanged. Planning
 * reads and never writes; an accepted entry carries the write ({@link ImportEntry#apply}) that the
 * import makes, audited as {@code import}, once every entry is planned.
 */
final class ImportPlanner {
    private final Registrations stores;
    private final AuditLog audit;
    private final Map<String, MessagingPattern> catalogue;
    private final Actor caller;
    private final RegistrationStatus status;
    /** Identifiers already planned in this import, so that an entry repeated in one file is refused, not written twice. */
    private final Set<String> seen = new HashSet<>();
    /** The warning on an entry whose owner the import registers. */
    static final String OWNER_REGISTERED = "OWNER_REGISTERED";
    /** Organisations planned earlier in this import: they count as registered for the entries after them. */
    private final Set<String> organisations = new HashSet<>();
    private final MissingOwners missing;

    /**
     * @param catalogue interaction id → its messaging pattern
     * @param status    what created records start as
     * @param missing   the owners the import needs that are not registered (and whether it registers them)
     */
    ImportPlanner(Registrations stores, Map<String, MessagingPattern> catalogue, Actor caller,
                  RegistrationStatus status, MissingOwners missing) {
        this.missing = missing;
        this.stores = stores;
        this.audit = stores.context().audit();
        this.catalogue = catalogue;
        this.caller = caller;
        this.status = status;
    }

    /** Forgets the entries planned so far (the file starts its entries again). */
    void startOver() {
        seen.clear();
        organisations.clear();
        missing.clear();
    }

    void organisation(Connection c, ImportEntry e, OrganisationCreate o) throws SQLException {
        e.identifier = o.odsCode();
        e.errors.addAll(RuleWords.of(RegistrationRules.organisationErrors(o.odsCode(), o.name(), o.kind(), o.parentOdsCode(),
                o.postcode(), true)));
        if (!e.errors.isEmpty()) {
            return;
        }
        if (!seen.add("organisation " + o.odsCode())) {
            e.errors.add(new FieldIssue("/odsCode", "ALREADY_EXISTS", "ODS code " + o.odsCode() + " appears earlier in this import."));
            return;
        }
        if (o.parentOdsCode() != null && !organisationKnown(c, o.parentOdsCode())) {
            e.errors.add(new FieldIssue("/parentOdsCode", "UNKNOWN_REFERENCE",
                    "Parent organisation " + o.parentOdsCode() + " is not registered (or earlier in this file)."));
            return;
        }
        organisations.add(o.odsCode());
        e.recordId = o.odsCode();
        Organisation existing = stores.organisations().find(c, o.odsCode(), false).orElse(null);
        if (existing == null) {
            e.outcome = ImportOutcome.CREATED;
            e.apply = conn -> {
                Organisation created = stores.organisations().insert(conn, caller, o, status);
                audit.record(conn, caller, "import", "organisation", o.odsCode(), null, null, created);
                return o.odsCode();
            };
            return;
        }
        if (retired(e, existing.status())) {
            return;
        }
        OrganisationUpdate update = new OrganisationUpdate(o.name(), o.kind(), o.parentOdsCode(), o.postcode());
        if (update.equals(new OrganisationUpdate(existing.name(), existing.kind(), existing.parentOdsCode(), existing.postcode()))) {
            e.outcome = ImportOutcome.UNCHANGED;
            return;
        }
        e.outcome = ImportOutcome.UPDATED;
        e.apply = conn -> {
            Organisation after = stores.organisations().applyUpdate(conn, caller, existing, update);
            audit.record(conn, caller, "import", "organisation", o.odsCode(), null, existing, after);
            return o.odsCode();
        };
    }

    /**
     * @param sdsId             the record's id in SDS, when the file gives one
     * @param keepUnsentMembers the file format has no name or product (SDS FHIR): an update keeps the stored ones
     * @param ownerName         the owner's name as the file gives it, or null
     */
    void system(Connection c, ImportEntry e, AccreditedSystemCreate candidate, String sdsId, boolean keepUnsentMembers,
                String ownerName) throws SQLException {
        AccreditedSystemCreate s = withInteractions(candidate,
                dedupe(ImportLeniency.interactions(candidate.interactions(), e.warnings), e.warnings));
        e.identifier = s.asid();
        e.errors.addAll(RuleWords.of(RegistrationRules.systemErrors(s.asid(), s.odsCode(), s.name(), s.manufacturerOdsCode(),
                s.productName(), s.productVersion(), s.partyKey(), s.interactions(), true)));
        if (!e.errors.isEmpty()) {
            return;
        }
        if (!seen.add("system " + s.asid())) {
            e.errors.add(new FieldIssue("/asid", "ALREADY_EXISTS", "ASID " + s.asid() + " appears earlier in this import."));
            return;
        }
        if (!owner(c, e, s.odsCode(), ownerName)) {
            return;
        }
        if (s.manufacturerOdsCode() != null && !organisationKnown(c, s.manufacturerOdsCode())) {
            e.warnings.add(new FieldIssue("/manufacturerOdsCode", CheckRule.OWNER_UNKNOWN.code(),
                    "Manufacturer " + s.manufacturerOdsCode() + " is not a registered organisation."));
        }
        e.warnings.addAll(RuleWords.of(RegistrationRules.systemWarnings(s.asid(), s.odsCode(), s.partyKey())));
        unknownInteractions(s.interactions(), e.warnings);
        AccreditedSystem existing = stores.systems().find(c, s.asid(), false).orElse(null);
        e.recordId = s.asid();
        if (existing == null) {
            e.outcome = ImportOutcome.CREATED;
            e.apply = conn -> {
                AccreditedSystem created = stores.systems().insert(conn, caller, s, status, sdsId);
                audit.record(conn, caller, "import", "accredited-system", s.asid(), null, null, created);
                return s.asid();
            };
            return;
        }
        if (retired(e, existing.status())) {
            return;
        }
        AccreditedSystemUpdate update = new AccreditedSystemUpdate(s.odsCode(),
                keepUnsentMembers ? existing.name() : s.name(), s.manufacturerOdsCode(),
                keepUnsentMembers ? existing.productName() : s.productName(),
                keepUnsentMembers ? existing.productVersion() : s.productVersion(), s.partyKey(), s.interactions());
        String newSdsId = sdsId != null ? sdsId : existing.sdsId();
        if (update.equals(new AccreditedSystemUpdate(existing.odsCode(), existing.name(), existing.manufacturerOdsCode(),
                existing.productName(), existing.productVersion(), existing.partyKey(), existing.interactions()))
                && Objects.equals(newSdsId, existing.sdsId())) {
            e.outcome = ImportOutcome.UNCHANGED;
            return;
        }
        e.outcome = ImportOutcome.UPDATED;
        e.apply = conn -> {
            AccreditedSystem after = stores.systems().applyUpdate(conn, caller, s.asid(), update, newSdsId);
            audit.record(conn, caller, "import", "accredited-system", s.asid(), null, existing, after);
            return s.asid();
        };
    }

    /**
     * @param sdsId    the record's id in SDS, when the file gives one
     * @param existing  the stored endpoint the entry is for, when already found (by party key and URL)
     * @param ownerName the owner's name as the file gives it, or null
     */
    void endpoint(Connection c, ImportEntry e, MhsEndpointChange candidate, String sdsId, MhsEndpoint existing,
                  String ownerName) throws SQLException {
        MhsEndpointChange change = lenient(candidate, e.warnings);
        e.identifier = change.partyKey();
        e.errors.addAll(RuleWords.of(RegistrationRules.endpointErrors(change)));
        if (!e.errors.isEmpty()) {
            return;
        }
        if (!seen.add("endpoint " + change.partyKey() + " " + change.url())) {
            e.errors.add(new FieldIssue("/partyKey", "ALREADY_EXISTS", "An endpoint with party key " + change.partyKey()
                    + " and this URL appears earlier in this import."));
            return;
        }
        if (!owner(c, e, change.odsCode(), ownerName)) {
            return;
        }
        String fqdn = change.fqdn() != null ? change.fqdn() : RegistrationRules.hostOf(change.url()).orElse(null);
        e.warnings.addAll(RuleWords.of(RegistrationRules.endpointWarnings(change.odsCode(), change.partyKey(), change.url(), fqdn)));
        unknownInteractions(change.interactions(), e.warnings);
        MhsEndpoint before = existing != null ? existing
                : stores.endpoints().findByAddress(c, change.partyKey(), change.url()).orElse(null);
        if (before == null) {
            e.outcome = ImportOutcome.CREATED;
            e.apply = conn -> {
                MhsEndpoint created = stores.endpoints().insert(conn, caller, change, status, sdsId);
                audit.record(conn, caller, "import", "endpoint", created.id().toString(), null, null, created);
                return created.id().toString();
            };
            return;
        }
        e.recordId = before.id().toString();
        if (retired(e, before.status())) {
            return;
        }
        String newSdsId = sdsId != null ? sdsId : before.sdsId();
        MhsEndpointChange normalised = new MhsEndpointChange(change.name(), change.odsCode(), change.partyKey(),
                change.url(), change.cpaId(), change.interactions(), change.messagingPattern(), change.reliability(),
                change.mhsActor(), fqdn, change.certificate());
        if (normalised.equals(changeOf(before)) && Objects.equals(newSdsId, before.sdsId())) {
            e.outcome = ImportOutcome.UNCHANGED;
            return;
        }
        e.outcome = ImportOutcome.UPDATED;
        e.apply = conn -> {
            MhsEndpoint after = stores.endpoints().applyUpdate(conn, caller, before.id(), normalised, newSdsId);
            audit.record(conn, caller, "import", "endpoint", before.id().toString(), null, before, after);
            return before.id().toString();
        };
    }

    /**
     * SDS Endpoints do not carry a pattern: it comes from the catalogue entries of their interactions; when those
     * disagree or are unknown, the stored endpoint's, or one the reliability settings suggest (with a warning).
     */
    MessagingPattern patternFor(List<String> interactions, Reliability reliability, MhsEndpoint existing,
                                List<FieldIssue> warnings) {
        Set<MessagingPattern> patterns = interactions.stream().map(catalogue::get).filter(Objects::nonNull)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (patterns.size() == 1) {
            return patterns.iterator().next();
        }
        MessagingPattern fallback = !patterns.isEmpty() ? patterns.iterator().next()
                : existing != null ? existing.messagingPattern()
                : reliability != null ? MessagingPattern.ASYNC_RELIABLE : MessagingPattern.ASYNC_EXPRESS;
        warnings.add(new FieldIssue("/extension", CheckRule.INTERACTION_PATTERN_MISMATCH.code(), patterns.isEmpty()
                ? "No interaction of this endpoint is in the catalogue; its messaging pattern is taken as " + fallback.code() + "."
                : "The endpoint's interactions have different patterns in the catalogue (" + patterns.stream()
                .map(MessagingPattern::code).collect(Collectors.joining(", ")) + "); taken as " + fallback.code() + "."));
        return fallback;
    }

    private static boolean retired(ImportEntry e, RegistrationStatus status) {
        if (status == RegistrationStatus.RETIRED) {
            e.errors.add(new FieldIssue("", "RECORD_RETIRED", "The matching record is retired and kept read-only."));
            return true;
        }
        return false;
    }

    private boolean organisationKnown(Connection c, String odsCode) throws SQLException {
        return organisations.contains(odsCode) || stores.organisations().find(c, odsCode, false).isPresent();
    }

    /**
     * Whether the entry's owner is registered, or the import registers it; otherwise the entry is rejected. Either
     * way a missing owner is listed with the entry that needs it.
     */
    private boolean owner(Connection c, ImportEntry e, String odsCode, String ownerName) throws SQLException {
        if (organisationKnown(c, odsCode)) {
            return true;
        }
        if (missing.need(odsCode, ownerName, e.index)) {
            e.warnings.add(new FieldIssue("/odsCode", OWNER_REGISTERED, "Organisation " + odsCode
                    + " is not registered yet: this import registers it, as requested."));
            return true;
        }
        e.errors.add(new FieldIssue("/odsCode", CheckRule.OWNER_UNKNOWN.code(), "Organisation " + odsCode
                + " is not registered; import or register it first."));
        return false;
    }

    private void unknownInteractions(List<String> interactions, List<FieldIssue> warnings) {
        for (int i = 0; i < interactions.size(); i++) {
            if (!catalogue.containsKey(interactions.get(i))) {
                warnings.add(new FieldIssue("/interactions/" + i, CheckRule.INTERACTION_UNKNOWN.code(),
                        "Interaction " + interactions.get(i) + " is not in the catalogue; messaging pattern unknown."));
            }
        }
    }

    private static List<String> dedupe(List<String> interactions, List<FieldIssue> warnings) {
        if (interactions == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String id : interactions) {
            if (id != null && out.contains(id)) {
                warnings.add(new FieldIssue("/interactions", CheckRule.DUPLICATE_ASID_INTERACTION.code(),
                        "Interaction " + id + " is listed twice; imported once."));
            } else {
                out.add(id);
            }
        }
        return out;
    }

    /** The endpoint with its host names normalised and its interactions cleaned ({@link ImportLeniency}), each change a warning. */
    private static MhsEndpointChange lenient(MhsEndpointChange e, List<FieldIssue> warnings) {
        String url = ImportLeniency.url(e.url(), warnings);
        String fqdn = ImportLeniency.fqdn(e.fqdn(), warnings);
        List<String> interactions = dedupe(ImportLeniency.interactions(e.interactions(), warnings), warnings);
        return new MhsEndpointChange(e.name(), e.odsCode(), e.partyKey(), url, e.cpaId(), interactions,
                e.messagingPattern(), e.reliability(), e.mhsActor(), fqdn, e.certificate());
    }

    private static AccreditedSystemCreate withInteractions(AccreditedSystemCreate s, List<String> interactions) {
        return new AccreditedSystemCreate(s.asid(), s.odsCode(), s.name(), s.manufacturerOdsCode(), s.productName(),
                s.productVersion(), s.partyKey(), interactions);
    }

    /** The stored endpoint as the change that would write it as it is. */
    private static MhsEndpointChange changeOf(MhsEndpoint e) {
        return new MhsEndpointChange(e.name(), e.odsCode(), e.partyKey(), e.url(), e.cpaId(), e.interactions(),
                e.messagingPattern(), e.reliability(), e.mhsActor(), e.fqdn(), certificateInput(e.certificate()));
    }

    static CertificateInput certificateInput(Certificate c) {
        return c == null ? null : new CertificateInput(c.subject(), c.issuer(), c.serial(), c.notBefore(), c.notAfter());
    }
}
