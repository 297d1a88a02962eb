package io.spineconsole.sandbox.registrations.transfer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.spineconsole.api.wire.WireJson;
import io.spineconsole.domain.Principal;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.registrations.ImportReport;
import io.spineconsole.domain.registrations.RegistrationFileType;
import io.spineconsole.domain.registrations.RegistrationStatus;
import io.spineconsole.sandbox.Actor;
import io.spineconsole.sandbox.AuditLog;
import io.spineconsole.sandbox.InteractionCatalogue;
import io.spineconsole.sandbox.SandboxContext;
import io.spineconsole.sandbox.SandboxDatabase;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.TestStore;
import io.spineconsole.sandbox.registrations.Registrations;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/** The importer on a new, empty database of one store, for the two-store import suites. */
final class ImportStore implements AutoCloseable {
    static final Actor ADMIN = new Actor(new Principal("ada.admin", Role.ADMIN, 1), null);
    static final RegistrationImport.Options APPLY = new RegistrationImport.Options(false, true,
            RegistrationStatus.REQUESTED);
    static final RegistrationImport.Options DRY_RUN = new RegistrationImport.Options(true, true,
            RegistrationStatus.REQUESTED);

    final SandboxDatabase database;
    final Sql sql;
    final Registrations stores;
    final RegistrationImport imports;

    ImportStore(TestStore store) {
        database = SandboxDatabase.open(store.newDatabase(), null, null);
        sql = new Sql(database.dataSource());
        ObjectMapper mapper = WireJson.strictMapper();
        Clock clock = Clock.systemUTC();
        stores = new Registrations(new SandboxContext(sql, clock, new AuditLog(mapper, clock), mapper, database.product(),
                InteractionCatalogue.load()));
        imports = new RegistrationImport(stores);
    }

    ImportReport fhir(String bundle, RegistrationImport.Options options) {
        return imports.fhir(ADMIN, utf8(bundle), options);
    }

    ImportReport csv(RegistrationFileType type, String text, RegistrationImport.Options options) {
        return imports.csv(ADMIN, type, utf8(text), options);
    }

    List<String> audit(String entityType) {
        return sql.list("SELECT action, entity_id FROM audit_event WHERE entity_type = ? ORDER BY id",
                r -> r.getString(1) + " " + entityType + " " + r.getString(2), entityType);
    }

    static InputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        database.close();
    }
}
