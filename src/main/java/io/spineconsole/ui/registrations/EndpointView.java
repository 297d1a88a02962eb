package io.spineconsole.ui.registrations;

import io.spineconsole.domain.registrations.Certificate;
import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.domain.registrations.RegistrationRules;
import io.spineconsole.domain.registrations.Reliability;
import io.spineconsole.ui.common.ConsoleLink;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.TimeText;
import javafx.scene.Node;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.Consumer;

/** MHS endpoints: columns, members with reliability settings and certificate, the owner and systems of the party key. */
final class EndpointView implements KindView<MhsEndpoint> {
    private final I18n i18n;
    private final TimeText time;

    EndpointView(I18n i18n, TimeText time) {
        this.i18n = i18n;
        this.time = time;
    }

    @Override
    public List<Column<MhsEndpoint>> columns() {
        return List.of(
                new Column<>(Views.textColumn(i18n.get("registrations.field.partyKey"), MhsEndpoint::partyKey, 118), "party-key"),
                new Column<>(Views.textColumn(i18n.get("registrations.column.ods"), MhsEndpoint::odsCode, 64), "ods-code"),
                new Column<>(Views.flex(Views.textColumn(i18n.get("registrations.field.fqdn"), e -> e.fqdn() == null ? "" : e.fqdn(), 140)), null),
                new Column<>(Views.textColumn(i18n.get("registrations.column.pattern"), e -> Labels.pattern(e.messagingPattern()), 98), null),
                new Column<>(Views.nodeColumn(i18n.get("registrations.field.certificate"),
                        e -> Views.certificateShort(i18n, e.certificate()), 142), "certificate-not-after"),
                new Column<>(Views.statusColumn(i18n, MhsEndpoint::status), null));
    }

    @Override
    public String title(MhsEndpoint e) {
        return e.partyKey();
    }

    @Override
    public String subtitle(MhsEndpoint e) {
        return e.name() == null || e.name().isBlank() ? e.url() : e.name();
    }

    @Override
    public Node details(MhsEndpoint e) {
        DetailGrid g = new DetailGrid(i18n, time)
                .add(i18n.get("registrations.field.partyKey"), e.partyKey())
                .add(i18n.get("registrations.field.name"), e.name())
                .add(i18n.get("registrations.field.ownerOdsCode"), e.odsCode())
                .add(i18n.get("registrations.field.url"), e.url());
        String fqdn = e.fqdn();
        String host = RegistrationRules.hostOf(e.url()).orElse(null);
        g.add(i18n.get("registrations.field.fqdn"), fqdn != null && host != null && !host.equals(fqdn)
                ? i18n.get("registrations.detail.fqdnDiffers", fqdn, host) : fqdn);
        g.add(i18n.get("registrations.field.cpaId"), e.cpaId())
                .add(i18n.get("registrations.field.pattern"), Labels.pattern(e.messagingPattern()))
                .add(i18n.get("registrations.field.actor"), Labels.actor(i18n, e.mhsActor()))
                .lines(i18n.get("registrations.field.interactions"), e.interactions());
        g.heading(i18n.get("registrations.section.reliability"));
        Reliability r = e.reliability();
        if (r == null) {
            g.add("", Views.muted(RegistrationRules.reliabilityApplies(e.messagingPattern())
                    ? i18n.get("registrations.detail.reliabilityMissing") : i18n.get("registrations.detail.reliabilityNone")));
        } else {
            g.add(i18n.get("registrations.field.retries"), r.retries() == null ? "" : r.retries().toString())
                    .add(i18n.get("registrations.field.retryInterval"), r.retryInterval())
                    .add(i18n.get("registrations.field.persistDuration"), r.persistDuration())
                    .add(i18n.get("registrations.field.ackRequested"), Labels.flag(i18n, r.ackRequested()))
                    .add(i18n.get("registrations.field.duplicateElimination"), Labels.flag(i18n, r.duplicateElimination()))
                    .add(i18n.get("registrations.field.syncReplyMode"), Labels.syncReplyMode(i18n, r.syncReplyMode()));
        }
        g.heading(i18n.get("registrations.section.certificate"));
        Certificate c = e.certificate();
        if (c == null) {
            g.add("", Views.certificate(i18n, time, null));
        } else {
            g.add(i18n.get("registrations.field.certificateState"), Views.certificate(i18n, time, c))
                    .add(i18n.get("registrations.field.certificateSubject"), c.subject())
                    .add(i18n.get("registrations.field.certificateIssuer"), c.issuer())
                    .add(i18n.get("registrations.field.certificateSerial"), c.serial())
                    .date(i18n.get("registrations.field.certificateNotBefore"), c.notBefore())
                    .date(i18n.get("registrations.field.certificateNotAfter"), c.notAfter());
        }
        g.heading(i18n.get("registrations.section.record"));
        return g.add(i18n.get("registrations.field.sdsId"), e.sdsId())
                .add(i18n.get("registrations.field.id"), e.id().toString())
                .add(i18n.get("registrations.field.status"), Views.status(i18n, e.status()))
                .bookkeeping(e.lastTransition(), e.createdAt(), e.createdBy(), e.updatedAt(), e.updatedBy(), e.version())
                .node();
    }

    @Override
    public boolean publishedInSds() {
        return true;
    }

    @Override
    public void lookUp(SdsRecordViewModel sds, MhsEndpoint e) {
        sds.show(e);
    }

    @Override
    public java.util.Optional<DriftQuery> driftQuery(MhsEndpoint e) {
        return DriftQuery.forRecord(e.odsCode(), e.interactions());
    }

    @Override
    public Node related(DetailViewModel<MhsEndpoint> detail, Consumer<ConsoleLink> open, Creator create) {
        MhsEndpoint e = detail.record();
        ConsoleLink all = ConsoleLink.of("registrations", "systems").with("partyKey", e.partyKey());
        return new VBox(16, RelatedTables.owner(detail.ownerProperty(), e.odsCode(), i18n, open),
                RelatedTables.systems(detail.systems(), i18n, i18n.get("registrations.related.systemsOfPartyKey", e.partyKey()),
                        all, open, null));
    }
}
