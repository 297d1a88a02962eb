package io.spineconsole.ui.registrations;

import io.spineconsole.api.RegistrationsApi;
import io.spineconsole.domain.registrations.RegistrationStatus;
import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.domain.registrations.RegistrationFilter;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.LoadState;
import io.spineconsole.ui.common.PagedList;
import io.spineconsole.ui.common.UiExecutor;
import io.spineconsole.ui.common.ViewMemory;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;

import java.text.NumberFormat;
import java.util.List;

/**
 * Endpoints whose TLS certificate ends within 30, 60 or 90 days (those already expired first), for
 * rotating certificates before traffic fails. Retired endpoints carry no traffic and are left out.
 * Paged from the server, soonest expiry first.
 */
public final class ExpiringViewModel {
    public static final List<Integer> WINDOWS = List.of(30, 60, 90);
    /** The window the workspace's certificates tile counts (the server's summary counts 30 days). */
    public static final int TILE_WINDOW = 30;
    private static final String MEMORY = "registrations.expiring.days";
    private final I18n i18n;
    private final ViewMemory memory;
    private final IntegerProperty days = new SimpleIntegerProperty(30);
    private final PagedList<MhsEndpoint> list;
    private final StringBinding summary;
    private RegistrationsApi api;

    public ExpiringViewModel(UiExecutor ui, I18n i18n, ViewMemory memory) {
        this.i18n = i18n;
        this.memory = memory;
        this.list = new PagedList<>(ui, i18n);
        memory.recall(MEMORY).map(ExpiringViewModel::window).ifPresent(days::set);
        days.addListener((o, a, b) -> {
            memory.remember(MEMORY, Integer.toString(b.intValue()));
            load();
        });
        NumberFormat n = NumberFormat.getIntegerInstance(i18n.locale());
        summary = Bindings.createStringBinding(() -> switch (list.stateProperty().get()) {
            case LOADING -> list.items().isEmpty() ? i18n.get("registrations.list.searching") : "";
            case EMPTY -> i18n.get("registrations.expiring.none", days.get());
            case LOADED -> list.totalIsExactProperty().get()
                    ? i18n.get("registrations.expiring.count", n.format(list.approximateTotalProperty().get()), days.get())
                    : i18n.get("registrations.expiring.countAbout", n.format(list.approximateTotalProperty().get()), days.get());
            default -> "";
        }, list.stateProperty(), list.items(), list.approximateTotalProperty(), days);
    }

    private static int window(String text) {
        try {
            int d = Integer.parseInt(text);
            return WINDOWS.contains(d) ? d : 30;
        } catch (NumberFormatException e) {
            return 30;
        }
    }

    public void connect(RegistrationsApi newApi) {
        list.clear();
        api = newApi;
        load();
    }

    public void dispose() {
        list.clear();
        api = null;
    }

    public void load() {
        if (api == null) {
            return;
        }
        RegistrationFilter f = filter();
        RegistrationsApi session = api;
        list.load(cursor -> session.endpoints(f, cursor, RecordListViewModel.PAGE_SIZE));
    }

    /** The search behind the view (also what its export writes). */
    public RegistrationFilter filter() {
        return RegistrationFilter.none().withCertificateExpiringWithinDays(days.get())
                .withStatuses(List.of(RegistrationStatus.REQUESTED, RegistrationStatus.APPROVED, RegistrationStatus.ACTIVE,
                        RegistrationStatus.SUSPENDED))
                .withSort("certificate-not-after");
    }

    /** Shows the window a link asks for (30, 60 or 90; anything else is 30). */
    public void showDays(String text) {
        int d = window(text);
        if (d == days.get()) {
            load();
        } else {
            days.set(d);
        }
    }

    public IntegerProperty daysProperty() {
        return days;
    }

    public PagedList<MhsEndpoint> list() {
        return list;
    }

    public StringBinding summaryProperty() {
        return summary;
    }

    LoadState state() {
        return list.stateProperty().get();
    }
}
