package io.spineconsole.ui.registrations;

import io.spineconsole.domain.registrations.AccreditedSystem;
import io.spineconsole.ui.common.ConsoleLink;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.TimeText;
import javafx.scene.Node;
import javafx.scene.layout.VBox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Accredited systems: columns, members, the owner and the endpoints of the system's party key. */
final class SystemView implements KindView<AccreditedSystem> {
    private final I18n i18n;
    private final TimeText time;

    SystemView(I18n i18n, TimeText time) {
        this.i18n = i18n;
        this.time = time;
    }

    @Override
    public List<Column<AccreditedSystem>> columns() {
        return List.of(
                new Column<>(Views.textColumn(i18n.get("registrations.field.asid"), AccreditedSystem::asid, 112), "asid"),
                new Column<>(Views.flex(Views.textColumn(i18n.get("registrations.field.name"), s -> nz(s.name()), 150)), "name"),
                new Column<>(Views.textColumn(i18n.get("registrations.column.ods"), AccreditedSystem::odsCode, 64), "ods-code"),
                new Column<>(Views.textColumn(i18n.get("registrations.field.partyKey"), s -> nz(s.partyKey()), 118), null),
                new Column<>(Views.flex(Views.textColumn(i18n.get("registrations.field.product"), s -> product(s), 110)), null),
                new Column<>(Views.statusColumn(i18n, AccreditedSystem::status), null));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String product(AccreditedSystem s) {
        return (nz(s.productName()) + " " + nz(s.productVersion())).strip();
    }

    @Override
    public String title(AccreditedSystem s) {
        return s.asid();
    }

    @Override
    public String subtitle(AccreditedSystem s) {
        return nz(s.name());
    }

    @Override
    public Node details(AccreditedSystem s) {
        return new DetailGrid(i18n, time)
                .add(i18n.get("registrations.field.asid"), s.asid())
                .add(i18n.get("registrations.field.name"), s.name())
                .add(i18n.get("registrations.field.ownerOdsCode"), s.odsCode())
                .add(i18n.get("registrations.field.partyKey"), s.partyKey())
                .add(i18n.get("registrations.field.manufacturerOdsCode"), s.manufacturerOdsCode())
                .add(i18n.get("registrations.field.product"), product(s))
                .lines(i18n.get("registrations.field.interactions"), s.interactions())
                .add(i18n.get("registrations.field.sdsId"), s.sdsId())
                .add(i18n.get("registrations.field.status"), Views.status(i18n, s.status()))
                .bookkeeping(s.lastTransition(), s.createdAt(), s.createdBy(), s.updatedAt(), s.updatedBy(), s.version())
                .node();
    }

    @Override
    public boolean publishedInSds() {
        return true;
    }

    @Override
    public void lookUp(SdsRecordViewModel sds, AccreditedSystem s) {
        sds.show(s);
    }

    @Override
    public java.util.Optional<DriftQuery> driftQuery(AccreditedSystem s) {
        return DriftQuery.forRecord(s.odsCode(), s.interactions());
    }

    @Override
    public Node related(DetailViewModel<AccreditedSystem> detail, Consumer<ConsoleLink> open, Creator create) {
        AccreditedSystem s = detail.record();
        ConsoleLink all = s.partyKey() != null ? ConsoleLink.of("registrations", "endpoints").with("partyKey", s.partyKey())
                : ConsoleLink.of("registrations", "endpoints").with("ods", s.odsCode());
        Map<String, String> prefill = new LinkedHashMap<>();
        prefill.put("/odsCode", s.odsCode());
        if (s.partyKey() != null) {
            prefill.put("/partyKey", s.partyKey());
        }
        prefill.put("/interactions", String.join("\n", s.interactions()));
        String heading = s.partyKey() != null ? i18n.get("registrations.related.endpointsOfPartyKey", s.partyKey())
                : i18n.get("registrations.related.endpointsOfOwner", s.odsCode());
        return new VBox(16, RelatedTables.owner(detail.ownerProperty(), s.odsCode(), i18n, open),
                RelatedTables.endpoints(detail.endpoints(), i18n, time, heading, all, open,
                        RelatedTables.createButton(i18n.get("registrations.related.newEndpoint"), detail.mayChange(),
                                () -> create.create(RecordKind.ENDPOINTS, prefill))));
    }
}
