package io.spineconsole.sandbox.registrations.transfer;

import io.spineconsole.domain.registrations.ImportReport;
import io.spineconsole.domain.registrations.Organisation;
import io.spineconsole.domain.registrations.OrganisationCreate;
import io.spineconsole.domain.registrations.OrganisationKind;
import io.spineconsole.domain.registrations.RegistrationStatus;
import io.spineconsole.sandbox.Actor;
import io.spineconsole.sandbox.AuditLog;
import io.spineconsole.sandbox.registrations.Registrations;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The owning organisations an import needs that are not registered, with the entries that need them. When the
 * import is asked to ({@code registerMissingOwners}), it registers each one before the records that need it, in
 * the same transaction, as {@code requested}, under the name the file gives or its ODS code, of kind
 * {@code other}, audited as an import; otherwise their entries are rejected ({@code OWNER_UNKNOWN}).
 */
final class MissingOwners {
    private final boolean register;
    private final Map<String, Owner> owners = new LinkedHashMap<>();

    private static final class Owner {
        String name;
        final List<Integer> entries = new ArrayList<>();
    }

    MissingOwners(boolean register) {
        this.register = register;
    }

    /**
     * Entry {@code entry} needs {@code odsCode}, which is not registered.
     *
     * @param name the name the file gives the organisation, or null
     * @return true when the import registers it, so the entry may go ahead
     */
    boolean need(String odsCode, String name, int entry) {
        Owner owner = owners.computeIfAbsent(odsCode, k -> new Owner());
        if (owner.name == null && name != null && !name.isBlank()) {
            owner.name = name.trim();
        }
        owner.entries.add(entry);
        return register;
    }

    /** The file starts its entries again. */
    void clear() {
        owners.clear();
    }

    List<ImportReport.MissingOwner> report() {
        List<ImportReport.MissingOwner> out = new ArrayList<>();
        owners.forEach((ods, o) -> out.add(new ImportReport.MissingOwner(ods, nameOf(ods, o), register, o.entries)));
        return out;
    }

    /** Registers every missing owner, when asked to; each registration audited as an import. */
    void apply(Connection c, Registrations stores, AuditLog audit, Actor caller) throws SQLException {
        if (!register) {
            return;
        }
        for (Map.Entry<String, Owner> e : owners.entrySet()) {
            OrganisationCreate create = new OrganisationCreate(e.getKey(), nameOf(e.getKey(), e.getValue()),
                    OrganisationKind.OTHER, null, null);
            Organisation created = stores.organisations().insert(c, caller, create, RegistrationStatus.REQUESTED);
            audit.record(c, caller, "import", "organisation", e.getKey(), null, null, created);
        }
    }

    private static String nameOf(String odsCode, Owner o) {
        String name = o.name == null ? odsCode : o.name;
        return name.length() > 200 ? name.substring(0, 200) : name;
    }
}
