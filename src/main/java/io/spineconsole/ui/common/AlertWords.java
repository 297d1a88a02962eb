package io.spineconsole.ui.common;

import io.spineconsole.domain.alerts.Alert;
import io.spineconsole.domain.alerts.AlertEvidence;
import io.spineconsole.domain.alerts.AlertMeasure;
import io.spineconsole.domain.alerts.AlertRuleKind;
import io.spineconsole.domain.alerts.AlertState;
import io.spineconsole.domain.alerts.AlertSubject;
import io.spineconsole.domain.alerts.AlertSubjectKind;

import java.text.NumberFormat;
import java.util.stream.Collectors;

/**
 * How the console words an alert wherever it shows one (the band's notices, the Alerts view): what it
 * concerns, its kind and state, and its evidence figures against the rule's thresholds.
 */
public final class AlertWords {
    private AlertWords() {
    }

    /** "Endpoint failing: Leeds Teaching Hospitals (RR8)": the rule, then what it concerns. */
    public static String headline(Alert a, I18n i18n) {
        return i18n.get("alerts.headline", a.ruleName() == null || a.ruleName().isBlank() ? kind(a.ruleKind(), i18n)
                : a.ruleName(), named(a.subject(), i18n));
    }

    /** What an alert concerns, with what it is: "Endpoint Leeds Teaching Hospitals (RR8)". */
    public static String subject(AlertSubject s, I18n i18n) {
        return i18n.get("alerts.subjectKind", i18n.get("alerts.subject." + s.kind().code()), named(s, i18n));
    }

    /** What an alert concerns, named as a person knows it, with its code: "Leeds Teaching Hospitals (RR8)". */
    public static String named(AlertSubject s, I18n i18n) {
        String name = s.displayName() == null || s.displayName().isBlank() ? s.id() : s.displayName();
        // The code a person types (ODS code, component code); an endpoint's id is a UUID nobody reads.
        String code = s.odsCode() != null && !s.odsCode().isBlank() ? s.odsCode()
                : s.kind() == AlertSubjectKind.COMPONENT || s.kind() == AlertSubjectKind.ORGANISATION ? s.id() : null;
        return code == null || name.contains(code) ? name : i18n.get("alerts.subjectNamedCode", name, code);
    }

    public static String kind(AlertRuleKind kind, I18n i18n) {
        return kind == null ? "" : i18n.get("alerts.kind." + kind.code());
    }

    public static String state(AlertState state, I18n i18n) {
        return i18n.get("alerts.state." + state.code());
    }

    /** "Error rate 64.0 % (over 20 %)", one figure. */
    public static String evidence(AlertEvidence e, I18n i18n) {
        String value = figure(e.measure(), e.value(), i18n);
        return e.threshold() == null ? i18n.get("alerts.evidence", measure(e.measure(), i18n), value)
                : i18n.get("alerts.evidenceAgainst", measure(e.measure(), i18n), value,
                figure(e.measure(), e.threshold(), i18n));
    }

    /** Every figure of the alert, on one line. */
    public static String evidence(Alert a, I18n i18n) {
        return a.evidence().stream().map(e -> evidence(e, i18n)).collect(Collectors.joining(" · "));
    }

    public static String measure(AlertMeasure m, I18n i18n) {
        return i18n.get("alerts.measure." + m.code());
    }

    private static String figure(AlertMeasure m, double value, I18n i18n) {
        if (m == AlertMeasure.ERROR_RATE_PERCENT) {
            NumberFormat f = NumberFormat.getNumberInstance(i18n.locale());
            f.setMaximumFractionDigits(1);
            return i18n.get("alerts.unit.percent", f.format(value));
        }
        String whole = NumberFormat.getIntegerInstance(i18n.locale()).format(Math.round(value));
        return switch (m) {
            case OLDEST_WAITING_MINUTES, BLOCKED_MINUTES -> i18n.get("alerts.unit.minutes", whole);
            case CERTIFICATE_DAYS_LEFT -> i18n.get("alerts.unit.days", whole);
            default -> whole;
        };
    }
}
