package io.spineconsole.ui.registrations;

import io.spineconsole.domain.registrations.Finding;
import io.spineconsole.domain.registrations.RecordRef;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.TimeText;

/**
 * A check finding in words a support analyst reads at a glance: the record it is about by its party
 * key (or ODS code, ASID) and its organisation's name rather than an internal id, and a certificate's
 * date worded in the console's one time style (the server sends it as a field, never in the sentence).
 */
final class FindingText {
    private final I18n i18n;
    private final TimeText time;

    FindingText(I18n i18n, TimeText time) {
        this.i18n = i18n;
        this.time = time;
    }

    /** What is wrong: the console's own sentence for a certificate's dates, else the server's. */
    String message(Finding f) {
        if (f == null) {
            return "";
        }
        if (f.at() != null && f.rule() != null) {
            switch (f.rule()) {
                case CERTIFICATE_EXPIRED:
                    return i18n.get("registrations.finding.certificateExpired", time.date(f.at()), time.relative(f.at()));
                case CERTIFICATE_EXPIRING:
                    return i18n.get("registrations.finding.certificateExpiring", time.date(f.at()), time.relative(f.at()));
                case CERTIFICATE_NOT_YET_VALID:
                    return i18n.get("registrations.finding.certificateNotYetValid", time.date(f.at()), time.relative(f.at()));
                default:
                    break;
            }
        }
        return f.message() == null ? "" : f.message();
    }

    /** "Endpoint RR8-0000806 · Leeds Teaching Hospitals NHS Trust"; the id when there is nothing better. */
    String record(RecordRef r) {
        if (r == null) {
            return "";
        }
        String type = Labels.recordTypeCode(i18n, r.type());
        String label = r.label() == null || r.label().isBlank() ? r.id() : r.label();
        return r.name() == null || r.name().isBlank() ? i18n.get("registrations.finding.record", type, label)
                : i18n.get("registrations.finding.recordNamed", type, label, r.name());
    }
}
