package io.spineconsole.ui.messages;

import io.spineconsole.domain.registrations.Certificate;
import io.spineconsole.domain.registrations.CertificateState;
import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.LatestLoad;
import io.spineconsole.ui.common.LoadStatus;
import io.spineconsole.ui.common.UiExecutor;
import io.spineconsole.ui.common.WorkspaceContext;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.Objects;
import java.util.UUID;

/**
 * The endpoint a message was addressed to, read from the directory beside the message: its name and
 * address, and whether its certificate has ended (the first thing to know when deliveries to it fail).
 */
public final class ReceiverViewModel {
    private final MessageText text;
    private final LatestLoad load;
    private final ObjectProperty<MhsEndpoint> endpoint = new SimpleObjectProperty<>();
    private WorkspaceContext context;
    private UUID shown;

    public ReceiverViewModel(UiExecutor ui, I18n i18n, MessageText text) {
        this.text = text;
        this.load = new LatestLoad(ui, i18n, () -> endpoint.get() != null);
        load.onRetry(() -> {
            UUID id = shown;
            shown = null;
            show(id);
        });
    }

    public void connect(WorkspaceContext newContext) {
        context = newContext;
        clear();
    }

    /** Reads the endpoint {@code id} (none: the To address is not registered). */
    public void show(UUID id) {
        if (Objects.equals(id, shown) && endpoint.get() != null) {
            return;
        }
        shown = id;
        endpoint.set(null);
        if (id == null || context == null) {
            load.clear();
            return;
        }
        load.start(context.api().registrations().endpoint(id), endpoint::set, e -> false);
    }

    public void clear() {
        shown = null;
        load.clear();
        endpoint.set(null);
    }

    public void dispose() {
        load.cancel();
    }

    /** The endpoint in words: "RXN-0000947 at msg.rxn.nhs.uk (name)". */
    String describe(MhsEndpoint e) {
        if (e == null) {
            return "";
        }
        I18n i18n = text.i18n();
        return i18n.get("messages.receiver.endpoint", MessageColumns.nz(e.name()), MessageColumns.nz(e.partyKey()),
                MessageColumns.nz(e.fqdn() != null ? e.fqdn() : e.url()));
    }

    /** The certificate's state in words, with its end date: "Ended on Tue 1 Dec 2026 (5 days ago)". */
    String certificate(MhsEndpoint e) {
        Certificate c = e == null ? null : e.certificate();
        I18n i18n = text.i18n();
        if (c == null) {
            return e == null ? "" : i18n.get("messages.receiver.noCertificate");
        }
        String ends = text.times().date(c.notAfter());
        String relative = text.times().relative(c.notAfter());
        return switch (c.state() == null ? CertificateState.VALID : c.state()) {
            case EXPIRED -> i18n.get("messages.receiver.certEnded", ends, relative);
            case EXPIRING -> i18n.get("messages.receiver.certEnding", ends, relative);
            case NOT_YET_VALID -> i18n.get("messages.receiver.certNotYet", text.times().date(c.notBefore()));
            case VALID -> i18n.get("messages.receiver.certValid", ends);
        };
    }

    /** True when the endpoint's certificate has ended (deliveries to it fail until it is renewed). */
    boolean certificateEnded(MhsEndpoint e) {
        return e != null && e.certificate() != null && e.certificate().state() == CertificateState.EXPIRED;
    }

    public ObjectProperty<MhsEndpoint> endpointProperty() {
        return endpoint;
    }

    public LoadStatus status() {
        return load.status();
    }
}
