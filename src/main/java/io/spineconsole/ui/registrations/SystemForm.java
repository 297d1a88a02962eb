package io.spineconsole.ui.registrations;

import io.spineconsole.api.RegistrationsApi;
import io.spineconsole.domain.Identifiers;
import io.spineconsole.domain.registrations.AccreditedSystem;
import io.spineconsole.domain.registrations.AccreditedSystemCreate;
import io.spineconsole.domain.registrations.AccreditedSystemUpdate;
import io.spineconsole.domain.registrations.FieldRuleIssue;
import io.spineconsole.domain.registrations.RegistrationRules;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.UiExecutor;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Create or edit an accredited system: ASID (fixed once created), owner, product, party key, interactions. */
public final class SystemForm extends RecordForm<AccreditedSystem> {

    public SystemForm(UiExecutor ui, I18n i18n) {
        super(RecordKind.SYSTEMS, ui, i18n);
        field("/asid", i18n.get("registrations.field.asid"), v -> FormRules.required(i18n, Identifiers::checkAsid, v),
                Input.TEXT, List.of(), AccreditedSystem::asid, true, "");
        field("/odsCode", i18n.get("registrations.field.ownerOdsCode"), v -> FormRules.required(i18n, Identifiers::checkOdsCode, v),
                Input.TEXT, List.of(), AccreditedSystem::odsCode, false, "");
        field("/name", i18n.get("registrations.field.name"), v -> "", Input.TEXT, List.of(), AccreditedSystem::name, false, "");
        field("/partyKey", i18n.get("registrations.field.partyKey"), v -> FormRules.optional(i18n, Identifiers::checkPartyKey, v),
                Input.TEXT, List.of(), AccreditedSystem::partyKey, false, "");
        field("/manufacturerOdsCode", i18n.get("registrations.field.manufacturerOdsCode"),
                v -> FormRules.optional(i18n, Identifiers::checkOdsCode, v), Input.TEXT, List.of(),
                AccreditedSystem::manufacturerOdsCode, false, "");
        field("/productName", i18n.get("registrations.field.productName"), v -> "", Input.TEXT, List.of(),
                AccreditedSystem::productName, false, "");
        field("/productVersion", i18n.get("registrations.field.productVersion"), v -> "", Input.TEXT, List.of(),
                AccreditedSystem::productVersion, false, "");
        field("/interactions", i18n.get("registrations.field.interactions"), v -> EndpointForm.interactionLines(i18n, v),
                Input.MULTILINE, List.of(), s -> lines(s.interactions()), false, "");
        seal();
    }

    @Override
    protected List<FieldRuleIssue> crossCheck() {
        return RegistrationRules.systemErrors(value("/asid"), value("/odsCode"), value("/name"),
                value("/manufacturerOdsCode"), value("/productName"), value("/productVersion"), value("/partyKey"),
                splitLines(value("/interactions")), isCreating());
    }

    @Override
    protected List<FieldRuleIssue> warningsCheck() {
        return RegistrationRules.systemWarnings(isCreating() ? value("/asid") : null, value("/odsCode"), value("/partyKey"));
    }

    @Override
    protected CompletableFuture<AccreditedSystem> create(RegistrationsApi api) {
        return api.createAccreditedSystem(new AccreditedSystemCreate(value("/asid"), value("/odsCode"), value("/name"),
                value("/manufacturerOdsCode"), value("/productName"), value("/productVersion"), value("/partyKey"),
                splitLines(value("/interactions"))));
    }

    @Override
    protected CompletableFuture<AccreditedSystem> update(RegistrationsApi api, String id, long baseVersion) {
        return api.updateAccreditedSystem(id, baseVersion, new AccreditedSystemUpdate(value("/odsCode"), value("/name"),
                value("/manufacturerOdsCode"), value("/productName"), value("/productVersion"), value("/partyKey"),
                splitLines(value("/interactions"))));
    }

    @Override
    protected String updatedBy(AccreditedSystem record) {
        return record.updatedBy();
    }
}
