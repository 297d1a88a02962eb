package io.spineconsole.ui.registrations;

import io.spineconsole.ui.common.ConsoleLink;
import javafx.scene.Node;
import javafx.scene.control.TableColumn;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How one record type looks: its table columns (and the server sort each header stands for), its
 * detail fields, and the records related to it.
 *
 * @param <T> the record type
 */
interface KindView<T> {
    /** A column, and the server sort code its header sorts by (null: not sortable). */
    record Column<T>(TableColumn<T, ?> column, String sort) {
    }

    List<Column<T>> columns();

    /** The record's key as a heading (ODS code, ASID, party key). */
    String title(T record);

    /** A second line under the heading (its name, its URL). */
    String subtitle(T record);

    /** Every member of the record, labelled. */
    Node details(T record);

    /**
     * The records related to the one shown (loaded by the detail view model).
     *
     * @param go     opens a console link (a related record, a list filtered to them)
     * @param create starts a new record of a kind with fields filled in (pointer → value)
     */
    Node related(DetailViewModel<T> detail, Consumer<ConsoleLink> go, Creator create);

    /** What directory drift is run for from a record: its organisation and, where it has one, an interaction. */
    record DriftQuery(String odsCode, String interaction) {
        /** For a record SDS publishes: its organisation and the first of its interactions ("" when none). */
        static Optional<DriftQuery> forRecord(String odsCode, List<String> interactions) {
            return Optional.of(new DriftQuery(odsCode, interactions.isEmpty() ? "" : interactions.get(0)));
        }
    }

    /** True for the record types SDS publishes (the detail then has a "Published in SDS" section). */
    default boolean publishedInSds() {
        return false;
    }

    /** Looks {@code record} up in SDS with the panel's model (only called when {@link #publishedInSds()}). */
    default void lookUp(SdsRecordViewModel sds, T record) {
    }

    /** The drift a record's "Directory drift…" opens; empty: none from this record. */
    default Optional<DriftQuery> driftQuery(T record) {
        return Optional.empty();
    }

    /** Starts a new record of {@code kind} with some fields filled in. */
    @FunctionalInterface
    interface Creator {
        void create(RecordKind<?> kind, Map<String, String> prefill);
    }
}
