package io.spineconsole.ui.registrations;

import io.spineconsole.api.RegistrationsApi;
import io.spineconsole.domain.Identifiers;
import io.spineconsole.domain.messages.MessagingPattern;
import io.spineconsole.domain.registrations.Certificate;
import io.spineconsole.domain.registrations.CertificateInput;
import io.spineconsole.domain.registrations.FieldRuleIssue;
import io.spineconsole.domain.registrations.MhsActor;
import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.domain.registrations.MhsEndpointChange;
import io.spineconsole.domain.registrations.RegistrationRules;
import io.spineconsole.domain.registrations.Reliability;
import io.spineconsole.domain.registrations.ReliabilityFlag;
import io.spineconsole.domain.registrations.SyncReplyMode;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.UiExecutor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Create or edit an MHS endpoint: owner, party key, URL and FQDN, CPA id, interactions, messaging
 * pattern, the ebXML reliability settings (ISO-8601 durations) and the TLS certificate's metadata.
 */
public final class EndpointForm extends RecordForm<MhsEndpoint> {
    private static final String[] RELIABILITY = {"/reliability/retries", "/reliability/retryInterval",
            "/reliability/persistDuration", "/reliability/ackRequested", "/reliability/duplicateElimination",
            "/reliability/syncReplyMode"};
    private static final String[] CERTIFICATE = {"/certificate/subject", "/certificate/issuer", "/certificate/serial",
            "/certificate/notBefore", "/certificate/notAfter"};

    public EndpointForm(UiExecutor ui, I18n i18n) {
        super(RecordKind.ENDPOINTS, ui, i18n);
        String main = "";
        String reliability = i18n.get("registrations.section.reliability");
        String certificate = i18n.get("registrations.section.certificate");
        field("/odsCode", i18n.get("registrations.field.ownerOdsCode"), v -> FormRules.required(i18n, Identifiers::checkOdsCode, v),
                Input.TEXT, List.of(), MhsEndpoint::odsCode, false, main);
        field("/partyKey", i18n.get("registrations.field.partyKey"), v -> FormRules.required(i18n, Identifiers::checkPartyKey, v),
                Input.TEXT, List.of(), MhsEndpoint::partyKey, false, main);
        field("/name", i18n.get("registrations.field.name"), v -> "", Input.TEXT, List.of(), MhsEndpoint::name, false, main);
        field("/url", i18n.get("registrations.field.url"), v -> FormRules.required(i18n, RegistrationRules::checkHttpsUrl, v),
                Input.TEXT, List.of(), MhsEndpoint::url, false, main);
        field("/fqdn", i18n.get("registrations.field.fqdn"), v -> FormRules.optional(i18n, RegistrationRules::checkFqdn, v),
                Input.TEXT, List.of(), MhsEndpoint::fqdn, false, main);
        field("/cpaId", i18n.get("registrations.field.cpaId"), v -> FormRules.required(i18n, RegistrationRules::checkCpaId, v),
                Input.TEXT, List.of(), MhsEndpoint::cpaId, false, main);
        field("/messagingPattern", i18n.get("registrations.field.pattern"), v -> "", Input.CHOICE,
                Arrays.stream(MessagingPattern.values()).map(p -> new Choice(p.code(), p.code())).toList(),
                e -> FormRules.code(e.messagingPattern()), false, main);
        field("/mhsActor", i18n.get("registrations.field.actor"), v -> "", Input.CHOICE,
                Arrays.stream(MhsActor.values()).map(a -> new Choice(a.code(), Labels.actor(i18n, a))).toList(),
                e -> FormRules.code(e.mhsActor()), false, main);
        field("/interactions", i18n.get("registrations.field.interactions"), v -> EndpointForm.interactionLines(i18n, v),
                Input.MULTILINE, List.of(), e -> lines(e.interactions()), false, main);

        field("/reliability/retries", i18n.get("registrations.field.retries"), v -> v.isBlank()
                        || FormRules.integer(v, 0, 20) != null ? "" : i18n.get("registrations.form.retriesRange"),
                Input.TEXT, List.of(), e -> rel(e, r -> r.retries() == null ? "" : r.retries().toString()), false, reliability);
        field("/reliability/retryInterval", i18n.get("registrations.field.retryInterval"),
                v -> FormRules.optional(i18n, RegistrationRules::checkDuration, v), Input.TEXT, List.of(),
                e -> rel(e, Reliability::retryInterval), false, reliability);
        field("/reliability/persistDuration", i18n.get("registrations.field.persistDuration"),
                v -> FormRules.optional(i18n, RegistrationRules::checkDuration, v), Input.TEXT, List.of(),
                e -> rel(e, Reliability::persistDuration), false, reliability);
        List<Choice> flags = Arrays.stream(ReliabilityFlag.values()).map(f -> new Choice(f.code(), Labels.flag(i18n, f))).toList();
        field("/reliability/ackRequested", i18n.get("registrations.field.ackRequested"), v -> "", Input.CHOICE, flags,
                e -> rel(e, r -> FormRules.code(r.ackRequested())), false, reliability);
        field("/reliability/duplicateElimination", i18n.get("registrations.field.duplicateElimination"), v -> "",
                Input.CHOICE, flags, e -> rel(e, r -> FormRules.code(r.duplicateElimination())), false, reliability);
        field("/reliability/syncReplyMode", i18n.get("registrations.field.syncReplyMode"), v -> "", Input.CHOICE,
                Arrays.stream(SyncReplyMode.values()).map(m -> new Choice(m.code(), Labels.syncReplyMode(i18n, m))).toList(),
                e -> rel(e, r -> FormRules.code(r.syncReplyMode())), false, reliability);

        String dateRule = i18n.get("registrations.form.dateFormat");
        field("/certificate/subject", i18n.get("registrations.field.certificateSubject"), v -> "", Input.TEXT, List.of(),
                e -> cert(e, Certificate::subject), false, certificate);
        field("/certificate/issuer", i18n.get("registrations.field.certificateIssuer"), v -> "", Input.TEXT, List.of(),
                e -> cert(e, Certificate::issuer), false, certificate);
        field("/certificate/serial", i18n.get("registrations.field.certificateSerial"), v -> "", Input.TEXT, List.of(),
                e -> cert(e, Certificate::serial), false, certificate);
        field("/certificate/notBefore", i18n.get("registrations.field.certificateNotBefore"),
                v -> v.isBlank() || FormRules.instant(v) != null ? "" : dateRule, Input.TEXT, List.of(),
                e -> cert(e, c -> FormRules.text(c.notBefore())), false, certificate);
        field("/certificate/notAfter", i18n.get("registrations.field.certificateNotAfter"),
                v -> v.isBlank() || FormRules.instant(v) != null ? "" : dateRule, Input.TEXT, List.of(),
                e -> cert(e, c -> FormRules.text(c.notAfter())), false, certificate);
        seal();
    }

    /** Each line an interaction ID (urn:nhs:names:services:…); the first bad one is named. */
    static String interactionLines(I18n i18n, String text) {
        List<String> lines = splitLines(text);
        for (int i = 0; i < lines.size(); i++) {
            var problem = Identifiers.checkInteractionId(lines.get(i)).map(i18n::rule);
            if (problem.isPresent()) {
                return lines.size() == 1 ? problem.get()
                        : i18n.get("registrations.form.interactionLine", i + 1, problem.get());
            }
        }
        return "";
    }

    private static String rel(MhsEndpoint e, Function<Reliability, String> read) {
        return e.reliability() == null ? "" : read.apply(e.reliability());
    }

    private static String cert(MhsEndpoint e, Function<Certificate, String> read) {
        return e.certificate() == null ? "" : read.apply(e.certificate());
    }

    private MessagingPattern pattern() {
        String v = value("/messagingPattern");
        return v == null ? null : RecordListViewModel.parseCoded(MessagingPattern.class, v).orElse(null);
    }

    private boolean any(String[] pointers) {
        return Arrays.stream(pointers).anyMatch(p -> value(p) != null);
    }

    /** The change as it would be sent: reliability and certificate only when any of their fields is given. */
    MhsEndpointChange change() {
        Reliability reliability = any(RELIABILITY) || RegistrationRules.reliabilityApplies(pattern())
                ? new Reliability(FormRules.integer(value("/reliability/retries"), 0, 20), value("/reliability/retryInterval"),
                value("/reliability/persistDuration"),
                flag(value("/reliability/ackRequested")), flag(value("/reliability/duplicateElimination")),
                value("/reliability/syncReplyMode") == null ? null : RecordListViewModel.parseCoded(SyncReplyMode.class,
                        value("/reliability/syncReplyMode")).orElse(null))
                : null;
        CertificateInput certificate = any(CERTIFICATE) ? new CertificateInput(value("/certificate/subject"),
                value("/certificate/issuer"), value("/certificate/serial"), FormRules.instant(value("/certificate/notBefore")),
                FormRules.instant(value("/certificate/notAfter"))) : null;
        MhsActor actor = value("/mhsActor") == null ? null
                : RecordListViewModel.parseCoded(MhsActor.class, value("/mhsActor")).orElse(null);
        return new MhsEndpointChange(value("/name"), value("/odsCode"), value("/partyKey"), value("/url"), value("/cpaId"),
                splitLines(value("/interactions")), pattern(), reliability, actor, value("/fqdn"), certificate);
    }

    private static ReliabilityFlag flag(String code) {
        return code == null ? null : RecordListViewModel.parseCoded(ReliabilityFlag.class, code).orElse(null);
    }

    @Override
    protected List<FieldRuleIssue> crossCheck() {
        List<FieldRuleIssue> out = new ArrayList<>();
        for (FieldRuleIssue issue : RegistrationRules.endpointErrors(change())) {
            // A value that does not parse is already shown by its field's own rule.
            if (!issue.field().startsWith("/certificate/not") || value(issue.field()) == null) {
                out.add(issue);
            }
        }
        return out;
    }

    @Override
    protected List<FieldRuleIssue> warningsCheck() {
        return RegistrationRules.endpointWarnings(value("/odsCode"), value("/partyKey"), value("/url"), value("/fqdn"));
    }

    @Override
    protected void relevance() {
        boolean reliable = RegistrationRules.reliabilityApplies(pattern()) || any(RELIABILITY);
        for (String p : RELIABILITY) {
            get(p).relevantProperty().set(reliable);
        }
    }

    @Override
    protected CompletableFuture<MhsEndpoint> create(RegistrationsApi api) {
        return api.createEndpoint(change());
    }

    @Override
    protected CompletableFuture<MhsEndpoint> update(RegistrationsApi api, String id, long baseVersion) {
        return api.updateEndpoint(UUID.fromString(id), baseVersion, change());
    }

    @Override
    protected String updatedBy(MhsEndpoint record) {
        return record.updatedBy();
    }

    @Override
    protected String displayId(MhsEndpoint record) {
        return record == null ? "" : record.partyKey();
    }
}
