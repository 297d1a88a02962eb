package io.spineconsole.ui.registrations;

import io.spineconsole.api.RegistrationsApi;
import io.spineconsole.domain.Identifiers;
import io.spineconsole.domain.registrations.FieldRuleIssue;
import io.spineconsole.domain.registrations.Organisation;
import io.spineconsole.domain.registrations.OrganisationCreate;
import io.spineconsole.domain.registrations.OrganisationKind;
import io.spineconsole.domain.registrations.OrganisationUpdate;
import io.spineconsole.domain.registrations.RegistrationRules;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.UiExecutor;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Create or edit an organisation: ODS code (fixed once created), name, kind, parent, postcode. */
public final class OrganisationForm extends RecordForm<Organisation> {

    public OrganisationForm(UiExecutor ui, I18n i18n) {
        super(RecordKind.ORGANISATIONS, ui, i18n);
        field("/odsCode", i18n.get("registrations.field.odsCode"), v -> FormRules.required(i18n, Identifiers::checkOdsCode, v),
                Input.TEXT, List.of(), Organisation::odsCode, true, "");
        field("/name", i18n.get("registrations.field.name"), v -> "", Input.TEXT, List.of(), Organisation::name, false, "");
        field("/kind", i18n.get("registrations.field.kind"), v -> "", Input.CHOICE,
                Arrays.stream(OrganisationKind.values()).map(k -> new Choice(k.code(), Labels.kind(i18n, k))).toList(),
                o -> FormRules.code(o.kind()), false, "");
        field("/parentOdsCode", i18n.get("registrations.field.parentOdsCode"),
                v -> FormRules.optional(i18n, Identifiers::checkOdsCode, v), Input.TEXT, List.of(), Organisation::parentOdsCode,
                false, "");
        field("/postcode", i18n.get("registrations.field.postcode"),
                v -> FormRules.optional(i18n, RegistrationRules::checkPostcode, v), Input.TEXT, List.of(), Organisation::postcode,
                false, "");
        seal();
    }

    private OrganisationKind organisationKind() {
        return RecordListViewModel.parseCoded(OrganisationKind.class, value("/kind") == null ? "" : value("/kind")).orElse(null);
    }

    @Override
    protected List<FieldRuleIssue> crossCheck() {
        return RegistrationRules.organisationErrors(value("/odsCode"), value("/name"), organisationKind(), value("/parentOdsCode"),
                value("/postcode"), isCreating());
    }

    @Override
    protected List<FieldRuleIssue> warningsCheck() {
        return List.of();
    }

    @Override
    protected CompletableFuture<Organisation> create(RegistrationsApi api) {
        return api.createOrganisation(new OrganisationCreate(value("/odsCode"), value("/name"), organisationKind(),
                value("/parentOdsCode"), value("/postcode")));
    }

    @Override
    protected CompletableFuture<Organisation> update(RegistrationsApi api, String id, long baseVersion) {
        return api.updateOrganisation(id, baseVersion, new OrganisationUpdate(value("/name"), organisationKind(),
                value("/parentOdsCode"), value("/postcode")));
    }

    @Override
    protected String updatedBy(Organisation record) {
        return record.updatedBy();
    }
}
