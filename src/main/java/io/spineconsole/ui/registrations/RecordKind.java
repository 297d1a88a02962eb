package io.spineconsole.ui.registrations;

import io.spineconsole.api.Page;
import io.spineconsole.api.RegistrationsApi;
import io.spineconsole.domain.registrations.RegistrationStatus;
import io.spineconsole.domain.registrations.AccreditedSystem;
import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.domain.registrations.Organisation;
import io.spineconsole.domain.registrations.RecordType;
import io.spineconsole.domain.registrations.RegistrationFileType;
import io.spineconsole.domain.registrations.RegistrationFilter;
import io.spineconsole.domain.registrations.TransitionRequest;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * What the workspace needs to know of one type of registration record to list, show, change and
 * link to it, so that the three lists share one implementation.
 *
 * @param <T> the record type
 */
public final class RecordKind<T> {
    /** Which of the filters a list offers (the server ignores or refuses the others). */
    public enum Filter { STATUS, KIND, PARENT, ODS, PARTY_KEY, INTERACTION, PATTERN, CERTIFICATE_EXPIRY }

    @FunctionalInterface
    interface Lister<T> {
        CompletableFuture<Page<T>> page(RegistrationsApi api, RegistrationFilter filter, String cursor, int limit);
    }

    @FunctionalInterface
    interface Getter<T> {
        CompletableFuture<T> get(RegistrationsApi api, String id);
    }

    @FunctionalInterface
    interface Transitioner<T> {
        CompletableFuture<T> transition(RegistrationsApi api, String id, long version, TransitionRequest request);
    }

    @FunctionalInterface
    interface Deleter {
        CompletableFuture<Void> delete(RegistrationsApi api, String id, long version);
    }

    public static final RecordKind<Organisation> ORGANISATIONS = new RecordKind<>(RecordType.ORGANISATION,
            "organisations", RegistrationFileType.ORGANISATIONS, Organisation.class,
            Organisation::odsCode, Organisation::version, Organisation::status, Organisation::name,
            RegistrationsApi::organisations, RegistrationsApi::organisation,
            RegistrationsApi::transitionOrganisation, RegistrationsApi::deleteOrganisation,
            List.of(Filter.STATUS, Filter.KIND, Filter.PARENT), List.of("ods-code", "name", "updated-at"));

    public static final RecordKind<AccreditedSystem> SYSTEMS = new RecordKind<>(RecordType.ACCREDITED_SYSTEM,
            "systems", RegistrationFileType.ACCREDITED_SYSTEMS, AccreditedSystem.class,
            AccreditedSystem::asid, AccreditedSystem::version, AccreditedSystem::status, AccreditedSystem::name,
            RegistrationsApi::accreditedSystems, RegistrationsApi::accreditedSystem,
            RegistrationsApi::transitionAccreditedSystem, RegistrationsApi::deleteAccreditedSystem,
            List.of(Filter.STATUS, Filter.ODS, Filter.PARTY_KEY, Filter.INTERACTION),
            List.of("asid", "ods-code", "name", "updated-at"));

    public static final RecordKind<MhsEndpoint> ENDPOINTS = new RecordKind<>(RecordType.ENDPOINT,
            "endpoints", RegistrationFileType.ENDPOINTS, MhsEndpoint.class,
            e -> e.id().toString(), MhsEndpoint::version, MhsEndpoint::status, MhsEndpoint::name,
            RegistrationsApi::endpoints, (api, id) -> api.endpoint(UUID.fromString(id)),
            (api, id, v, t) -> api.transitionEndpoint(UUID.fromString(id), v, t),
            (api, id, v) -> api.deleteEndpoint(UUID.fromString(id), v),
            List.of(Filter.STATUS, Filter.ODS, Filter.PARTY_KEY, Filter.INTERACTION, Filter.PATTERN,
                    Filter.CERTIFICATE_EXPIRY),
            List.of("party-key", "ods-code", "certificate-not-after", "updated-at"));

    private final RecordType type;
    private final String path;
    private final RegistrationFileType fileType;
    private final Class<T> recordClass;
    private final Function<T, String> id;
    private final ToLongFunction<T> version;
    private final Function<T, RegistrationStatus> status;
    private final Function<T, String> name;
    private final Lister<T> lister;
    private final Getter<T> getter;
    private final Transitioner<T> transitioner;
    private final Deleter deleter;
    private final List<Filter> filters;
    private final List<String> sorts;

    private RecordKind(RecordType type, String path, RegistrationFileType fileType, Class<T> recordClass,
                       Function<T, String> id, ToLongFunction<T> version, Function<T, RegistrationStatus> status,
                       Function<T, String> name, Lister<T> lister, Getter<T> getter, Transitioner<T> transitioner,
                       Deleter deleter, List<Filter> filters, List<String> sorts) {
        this.type = type;
        this.path = path;
        this.fileType = fileType;
        this.recordClass = recordClass;
        this.id = id;
        this.version = version;
        this.status = status;
        this.name = name;
        this.lister = lister;
        this.getter = getter;
        this.transitioner = transitioner;
        this.deleter = deleter;
        this.filters = filters;
        this.sorts = sorts;
    }

    public static List<RecordKind<?>> all() {
        return List.of(ORGANISATIONS, SYSTEMS, ENDPOINTS);
    }

    /** The kind whose console-link path is {@code path} ({@code organisations}, {@code systems}, {@code endpoints}). */
    public static RecordKind<?> byPath(String path) {
        return all().stream().filter(k -> k.path.equals(path)).findFirst().orElse(null);
    }

    public static RecordKind<?> byType(RecordType type) {
        return all().stream().filter(k -> k.type == type).findFirst().orElse(null);
    }

    /** The kind of a finding's or audit entry's record type code ({@code accredited-system}, ...). */
    public static RecordKind<?> byTypeCode(String code) {
        return all().stream().filter(k -> k.type.code().equals(code)).findFirst().orElse(null);
    }

    public RecordType type() {
        return type;
    }

    /** The console-link path segment. */
    public String path() {
        return path;
    }

    public RegistrationFileType fileType() {
        return fileType;
    }

    public boolean isInstance(Object record) {
        return recordClass.isInstance(record);
    }

    public T cast(Object record) {
        return recordClass.cast(record);
    }

    public String id(T record) {
        return id.apply(record);
    }

    public long version(T record) {
        return version.applyAsLong(record);
    }

    public RegistrationStatus status(T record) {
        return status.apply(record);
    }

    /** The record's name, or "" when it has none. */
    public String name(T record) {
        return Objects.requireNonNullElse(name.apply(record), "");
    }

    public boolean offers(Filter filter) {
        return filters.contains(filter);
    }

    /** The server's sort codes for this list, ascending; each also exists descending ("-" + code). */
    public List<String> sorts() {
        return sorts;
    }

    public String defaultSort() {
        return sorts.get(0);
    }

    CompletableFuture<Page<T>> page(RegistrationsApi api, RegistrationFilter filter, String cursor, int limit) {
        return lister.page(api, filter, cursor, limit);
    }

    CompletableFuture<T> get(RegistrationsApi api, String recordId) {
        return getter.get(api, recordId);
    }

    CompletableFuture<T> transition(RegistrationsApi api, String recordId, long recordVersion, TransitionRequest request) {
        return transitioner.transition(api, recordId, recordVersion, request);
    }

    CompletableFuture<Void> delete(RegistrationsApi api, String recordId, long recordVersion) {
        return deleter.delete(api, recordId, recordVersion);
    }

    /** {@code spine-console://registrations/<path>/<id>}. */
    public io.spineconsole.ui.common.ConsoleLink link(String recordId) {
        return io.spineconsole.ui.common.ConsoleLink.of("registrations", path + "/" + recordId);
    }

    @Override
    public String toString() {
        return path;
    }
}
