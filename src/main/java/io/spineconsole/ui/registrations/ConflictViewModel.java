package io.spineconsole.ui.registrations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A save refused because someone else saved first (412): my values beside theirs, field by field,
 * with the differences marked, and the two ways out: re-apply my changes on top of their version
 * (the fields I did not touch take their values; I review and save again), or take theirs.
 *
 * @param <T> the record type
 */
public final class ConflictViewModel<T> {
    /**
     * One field compared.
     *
     * @param changedByMe   my value differs from the version my edit started from
     * @param changedByThem their value differs from that version
     */
    public record Row(String label, String mine, String theirs, boolean differs, boolean changedByMe,
                      boolean changedByThem) {
        /** Both of us changed it, differently: re-applying keeps mine, so look at it. */
        public boolean clash() {
            return differs && changedByMe && changedByThem;
        }
    }

    private final RecordForm<T> form;
    private final T theirs;
    private final List<Row> rows = new ArrayList<>();
    private final String theirsBy;
    private final Instant theirsAt;
    private final long theirsVersion;

    ConflictViewModel(RecordForm<T> form, T base, T theirs) {
        this.form = form;
        this.theirs = theirs;
        RecordKind<T> kind = form.kind();
        for (RecordForm<T>.Field f : form.fields()) {
            String mine = f.input().value();
            String baseValue = f.read(base);
            String theirValue = f.read(theirs);
            rows.add(new Row(f.label(), mine, theirValue, !RecordForm.norm(mine).equals(RecordForm.norm(theirValue)),
                    !RecordForm.norm(mine).equals(RecordForm.norm(baseValue)),
                    !RecordForm.norm(theirValue).equals(RecordForm.norm(baseValue))));
        }
        if (base != null && kind.status(base) != kind.status(theirs)) {
            rows.add(new Row(form.i18n.get("registrations.field.status"), Labels.status(form.i18n, kind.status(base)),
                    Labels.status(form.i18n, kind.status(theirs)), true, false, true));
        }
        theirsBy = form.updatedBy(theirs);
        theirsAt = updatedAt(theirs);
        theirsVersion = kind.version(theirs);
    }

    private static Instant updatedAt(Object record) {
        if (record instanceof io.spineconsole.domain.registrations.Organisation o) {
            return o.updatedAt();
        }
        if (record instanceof io.spineconsole.domain.registrations.AccreditedSystem s) {
            return s.updatedAt();
        }
        if (record instanceof io.spineconsole.domain.registrations.MhsEndpoint e) {
            return e.updatedAt();
        }
        return null;
    }

    /** Every field, mine beside theirs. */
    public List<Row> rows() {
        return rows;
    }

    /** Only the fields that differ. */
    public List<Row> differences() {
        return rows.stream().filter(Row::differs).toList();
    }

    /** Fields both of us changed, differently. */
    public long clashes() {
        return rows.stream().filter(Row::clash).count();
    }

    public String theirsBy() {
        return theirsBy;
    }

    public Instant theirsAt() {
        return theirsAt;
    }

    public long theirsVersion() {
        return theirsVersion;
    }

    public T theirs() {
        return theirs;
    }

    /** Puts my changes on top of their version; the form is then dirty with only my changes, ready to save. */
    public void reapplyMine() {
        form.reapply(theirs);
    }

    /** Discards my changes and shows their version. */
    public void takeTheirs() {
        form.takeTheirs(theirs);
    }
}
