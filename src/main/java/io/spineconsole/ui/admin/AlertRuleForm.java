package io.spineconsole.ui.admin;

import io.spineconsole.api.ApiException;
import io.spineconsole.domain.alerts.AlertRule;
import io.spineconsole.domain.alerts.AlertRuleDraft;
import io.spineconsole.domain.alerts.AlertRuleKind;
import io.spineconsole.domain.alerts.AlertRuleValidation;
import io.spineconsole.domain.alerts.AlertScope;
import io.spineconsole.domain.alerts.AlertThreshold;
import io.spineconsole.domain.alerts.AlertThresholds;
import io.spineconsole.domain.registrations.FieldRuleIssue;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.ValidatedField;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An alert rule as an admin types it: name, kind, scope and target, the figures its kind uses, the quiet
 * period and whether it is on. It is judged as it is typed by {@link AlertRuleValidation}, the rules the
 * server judges it by, so a problem shows beside its field before Save; a value that is not a number
 * says so first. The server's own field errors (a target nobody registered) show on their fields until
 * the value is changed. Nothing typed is ever cleared by a failed save.
 */
public final class AlertRuleForm {
    private final I18n i18n;
    private final ValidatedField name = ValidatedField.free();
    private final ObjectProperty<AlertRuleKind> kind = new SimpleObjectProperty<>(AlertRuleKind.ENDPOINT_FAILING);
    private final ObjectProperty<AlertScope> scope = new SimpleObjectProperty<>(AlertScope.ALL);
    private final ValidatedField target = ValidatedField.free();
    private final Map<AlertThreshold, ValidatedField> figures = new EnumMap<>(AlertThreshold.class);
    private final ValidatedField quietPeriod;
    private final BooleanProperty enabled = new SimpleBooleanProperty(true);
    /** The rule's problems as typed, field pointer → words (the first per field). */
    private final ReadOnlyObjectWrapper<Map<String, String>> issues = new ReadOnlyObjectWrapper<>(Map.of());
    /** A problem no field shows (the kind, the scope, or a server answer naming no field). */
    private final StringProperty formError = new SimpleStringProperty("");
    private final Map<String, StringBinding> errors = new HashMap<>();
    private AlertRuleDraft baseline;

    public AlertRuleForm(I18n i18n) {
        this.i18n = i18n;
        for (AlertThreshold t : AlertThreshold.values()) {
            figures.put(t, new ValidatedField(v -> numberProblem(v, t.decimal())));
        }
        quietPeriod = new ValidatedField(v -> numberProblem(v, false));
        List<Observable> inputs = new ArrayList<>(List.of(name.valueProperty(), kind, scope, target.valueProperty(),
                quietPeriod.valueProperty(), enabled));
        figures.values().forEach(f -> inputs.add(f.valueProperty()));
        inputs.forEach(o -> o.addListener(x -> judge()));
        // A kind that cannot watch the scope chosen falls back to its first.
        kind.addListener((o, a, k) -> {
            if (k != null && !k.scopes().contains(scope.get())) {
                scope.set(k.scopes().get(0));
            }
        });
        clear();
    }

    /** A blank form for a new rule, with the defaults of an endpoint-failing rule. */
    public void clear() {
        load(new AlertRuleDraft("", AlertRuleKind.ENDPOINT_FAILING, AlertScope.ALL, null,
                AlertThresholds.endpointFailing(20, 5, 15, 20), true, AlertRuleValidation.DEFAULT_QUIET_PERIOD_MINUTES));
    }

    /** Shows {@code rule} to edit, as saved. */
    public void edit(AlertRule rule) {
        load(AlertRuleDraft.of(rule));
    }

    private void load(AlertRuleDraft d) {
        kind.set(d.kind());
        scope.set(d.scope() == null ? AlertScope.ALL : d.scope());
        name.reset(d.name());
        target.reset(d.target());
        for (AlertThreshold t : AlertThreshold.values()) {
            Number n = t.of(d.thresholds());
            figures.get(t).reset(n == null ? "" : format(n, t.decimal()));
        }
        quietPeriod.reset(d.quietPeriodMinutes() == null ? "" : String.valueOf(d.quietPeriodMinutes()));
        enabled.set(d.enabled() == null || d.enabled());
        formError.set("");
        baseline = draft();
        judge();
    }

    /** The rule as typed (a figure that is not a number is left out: the form says so on its field). */
    public AlertRuleDraft draft() {
        AlertThresholds t = new AlertThresholds(decimal(AlertThreshold.ERROR_RATE_PERCENT),
                decimal(AlertThreshold.RECOVERY_RATE_PERCENT), whole(AlertThreshold.WINDOW_MINUTES),
                whole(AlertThreshold.MIN_VOLUME), whole(AlertThreshold.MAX_IN_FLIGHT),
                whole(AlertThreshold.MAX_OLDEST_WAITING_MINUTES), whole(AlertThreshold.DEAD_LETTER_GROWTH),
                whole(AlertThreshold.EXPIRING_WITHIN_DAYS));
        return new AlertRuleDraft(name.value(), kind.get(), scope.get(),
                scope.get() != null && scope.get().needsTarget() ? target.valueOrNull() : null, t, enabled.get(),
                parseWhole(quietPeriod.value()));
    }

    private void judge() {
        Map<String, String> found = new HashMap<>();
        for (FieldRuleIssue issue : AlertRuleValidation.errors(draft())) {
            found.putIfAbsent(issue.field(), i18n.rule(issue.issue()));
        }
        issues.set(Map.copyOf(found));
    }

    /** Whether Save may send it: no problem on any field in use and none on the form. */
    public boolean isValid() {
        return issues.get().isEmpty() && shownFields().stream().allMatch(ValidatedField::isValid);
    }

    /** The problems of the form in one sentence for beside Save, or "" when there are none. */
    public Optional<String> firstProblem() {
        for (String pointer : pointersInOrder()) {
            String e = errorOf(pointer).get();
            if (!e.isEmpty()) {
                return Optional.of(e);
            }
        }
        return issues.get().values().stream().findFirst();
    }

    /** Whether the form differs from the rule it was loaded with. */
    public boolean isDirty() {
        return !draft().equals(baseline);
    }

    /** Shows the server's refusal on the fields it names; what no field shows goes on the form. */
    public void showServerErrors(ApiException e) {
        List<String> unplaced = new ArrayList<>();
        for (ApiException.FieldError f : e.fieldErrors()) {
            Optional<ValidatedField> field = fieldAt(f.field());
            if (field.isPresent()) {
                field.get().showServerError(f.message());
            } else {
                unplaced.add(f.message());
            }
        }
        formError.set(String.join(" ", unplaced));
    }

    /** The problem to show beside the field at {@code pointer} ("/name", "/thresholds/windowMinutes"). */
    public StringBinding errorOf(String pointer) {
        return errors.computeIfAbsent(pointer, p -> {
            Optional<ValidatedField> field = fieldAt(p);
            return field.isPresent()
                    ? Bindings.createStringBinding(() -> !field.get().errorProperty().get().isEmpty()
                    ? field.get().errorProperty().get() : issues.get().getOrDefault(p, ""),
                    field.get().errorProperty(), issues)
                    : Bindings.createStringBinding(() -> issues.get().getOrDefault(p, ""), issues);
        });
    }

    /** The figures a rule of the kind chosen uses, in form order. */
    public List<AlertThreshold> figuresInUse() {
        return kind.get() == null ? List.of() : AlertThreshold.of(kind.get());
    }

    private List<ValidatedField> shownFields() {
        List<ValidatedField> shown = new ArrayList<>(List.of(name, quietPeriod));
        if (scope.get() != null && scope.get().needsTarget()) {
            shown.add(target);
        }
        figuresInUse().forEach(t -> shown.add(figures.get(t)));
        return shown;
    }

    private List<String> pointersInOrder() {
        List<String> out = new ArrayList<>(List.of("/name", "/kind", "/scope", "/target"));
        figuresInUse().forEach(t -> out.add(t.pointer()));
        out.add("/quietPeriodMinutes");
        return out;
    }

    private Optional<ValidatedField> fieldAt(String pointer) {
        if (pointer == null) {
            return Optional.empty();
        }
        if (pointer.startsWith("/thresholds/")) {
            String member = pointer.substring("/thresholds/".length());
            return figures.entrySet().stream().filter(e -> e.getKey().field().equals(member))
                    .map(Map.Entry::getValue).findFirst();
        }
        return Optional.ofNullable(switch (pointer) {
            case "/name" -> name;
            case "/target" -> target;
            case "/quietPeriodMinutes" -> quietPeriod;
            default -> null;
        });
    }

    // ---- numbers ------------------------------------------------------------------------------------------------

    private String numberProblem(String v, boolean decimal) {
        if (v == null || v.isBlank()) {
            return "";
        }
        boolean number = decimal ? parseDecimal(v) != null : parseWhole(v) != null;
        return !number ? i18n.get(decimal ? "alerts.rules.error.number" : "alerts.rules.error.wholeNumber") : "";
    }

    private Double decimal(AlertThreshold t) {
        return parseDecimal(figures.get(t).value());
    }

    private Integer whole(AlertThreshold t) {
        return parseWhole(figures.get(t).value());
    }

    private static Double parseDecimal(String v) {
        try {
            double d = Double.parseDouble(v.strip().replace(',', '.'));
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer parseWhole(String v) {
        try {
            return Integer.parseInt(v.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String format(Number n, boolean decimal) {
        if (!decimal) {
            return String.valueOf(n.intValue());
        }
        NumberFormat f = NumberFormat.getNumberInstance(Locale.ROOT);
        f.setMaximumFractionDigits(2);
        f.setGroupingUsed(false);
        return f.format(n.doubleValue());
    }

    // ---- fields -------------------------------------------------------------------------------------------------

    public ValidatedField name() {
        return name;
    }

    public ObjectProperty<AlertRuleKind> kindProperty() {
        return kind;
    }

    public ObjectProperty<AlertScope> scopeProperty() {
        return scope;
    }

    public ValidatedField target() {
        return target;
    }

    public ValidatedField figure(AlertThreshold t) {
        return figures.get(t);
    }

    public ValidatedField quietPeriod() {
        return quietPeriod;
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public ReadOnlyObjectProperty<Map<String, String>> issuesProperty() {
        return issues.getReadOnlyProperty();
    }

    public StringProperty formErrorProperty() {
        return formError;
    }
}
