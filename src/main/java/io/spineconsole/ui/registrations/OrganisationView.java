package io.spineconsole.ui.registrations;

import io.spineconsole.domain.registrations.Organisation;
import io.spineconsole.ui.common.ConsoleLink;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.TimeText;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Organisations: columns, members, and the systems and endpoints each owns. */
final class OrganisationView implements KindView<Organisation> {
    private final I18n i18n;
    private final TimeText time;
    private final Consumer<ConsoleLink> go;

    OrganisationView(I18n i18n, TimeText time, Consumer<ConsoleLink> go) {
        this.i18n = i18n;
        this.time = time;
        this.go = go;
    }

    @Override
    public List<Column<Organisation>> columns() {
        return List.of(
                new Column<>(Views.textColumn(i18n.get("registrations.column.ods"), Organisation::odsCode, 62), "ods-code"),
                new Column<>(Views.flex(Views.textColumn(i18n.get("registrations.field.name"), Organisation::name, 200)), "name"),
                new Column<>(Views.textColumn(i18n.get("registrations.field.kind"), o -> Labels.kind(i18n, o.kind()), 100), null),
                new Column<>(Views.textColumn(i18n.get("registrations.column.parent"),
                        o -> o.parentOdsCode() == null ? "" : o.parentOdsCode(), 65), null),
                new Column<>(Views.statusColumn(i18n, Organisation::status), null),
                new Column<>(Views.textColumn(i18n.get("registrations.field.updated"), o -> time.date(o.updatedAt()), 120),
                        "updated-at"));
    }

    @Override
    public String title(Organisation o) {
        return o.odsCode();
    }

    @Override
    public String subtitle(Organisation o) {
        return o.name();
    }

    @Override
    public Node details(Organisation o) {
        DetailGrid g = new DetailGrid(i18n, time)
                .add(i18n.get("registrations.field.odsCode"), o.odsCode())
                .add(i18n.get("registrations.field.name"), o.name())
                .add(i18n.get("registrations.field.kind"), Labels.kind(i18n, o.kind()));
        if (o.parentOdsCode() != null) {
            Hyperlink parent = new Hyperlink(o.parentOdsCode());
            parent.setOnAction(e -> go.accept(RecordKind.ORGANISATIONS.link(o.parentOdsCode())));
            g.add(i18n.get("registrations.field.parentOdsCode"), parent);
        } else {
            g.add(i18n.get("registrations.field.parentOdsCode"), "");
        }
        return g.add(i18n.get("registrations.field.postcode"), o.postcode())
                .add(i18n.get("registrations.field.status"), Views.status(i18n, o.status()))
                .bookkeeping(o.lastTransition(), o.createdAt(), o.createdBy(), o.updatedAt(), o.updatedBy(), o.version())
                .node();
    }

    @Override
    public Node related(DetailViewModel<Organisation> detail, Consumer<ConsoleLink> open, Creator create) {
        Organisation o = detail.record();
        boolean may = detail.mayChange();
        ConsoleLink allSystems = ConsoleLink.of("registrations", "systems").with("ods", o.odsCode());
        ConsoleLink allEndpoints = ConsoleLink.of("registrations", "endpoints").with("ods", o.odsCode());
        return new VBox(16,
                RelatedTables.systems(detail.systems(), i18n, i18n.get("registrations.systems"), allSystems, open,
                        RelatedTables.createButton(i18n.get("registrations.related.newSystem"), may,
                                () -> create.create(RecordKind.SYSTEMS, Map.of("/odsCode", o.odsCode())))),
                RelatedTables.endpoints(detail.endpoints(), i18n, time, i18n.get("registrations.endpoints"), allEndpoints,
                        open, RelatedTables.createButton(i18n.get("registrations.related.newEndpoint"), may,
                                () -> create.create(RecordKind.ENDPOINTS, Map.of("/odsCode", o.odsCode())))));
    }

    @Override
    public java.util.Optional<DriftQuery> driftQuery(Organisation o) {
        return java.util.Optional.of(new DriftQuery(o.odsCode(), ""));
    }
}
