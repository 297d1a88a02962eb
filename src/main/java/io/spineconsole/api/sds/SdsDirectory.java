package io.spineconsole.api.sds;

import io.spineconsole.domain.sds.SdsDevice;
import io.spineconsole.domain.sds.SdsEndpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Live lookups in the Spine Directory Service's FHIR API, as it offers them: accredited systems
 * ({@code /Device}) and MHS endpoints ({@code /Endpoint}). Every call returns at once; its future
 * fails with an {@link SdsException}. A search follows SDS's {@code next} links up to a limit,
 * paced to the service's rate limit. Cancelling a future stops its search.
 */
public interface SdsDirectory {

    /**
     * Searches accredited systems, handing each page's records to {@code pages} as it arrives (on
     * the client's own thread, one page at a time), so a caller can stream them.
     */
    CompletableFuture<SdsSearchSummary> searchDevices(DeviceQuery query, Consumer<List<SdsDevice>> pages);

    /** Searches MHS endpoints, page by page, as {@link #searchDevices} does. */
    CompletableFuture<SdsSearchSummary> searchEndpoints(EndpointQuery query, Consumer<List<SdsEndpoint>> pages);

    /** Every accredited system the query finds. */
    default CompletableFuture<SdsResult<SdsDevice>> accreditedSystems(DeviceQuery query) {
        return collect(pages -> searchDevices(query, pages));
    }

    /** Accredited systems of an organisation for an interaction. */
    default CompletableFuture<SdsResult<SdsDevice>> accreditedSystems(String odsCode, String interaction) {
        return accreditedSystems(DeviceQuery.of(odsCode, interaction));
    }

    /** One accredited system by ASID (found through its organisation and one of its interactions), if SDS has it. */
    default CompletableFuture<Optional<SdsDevice>> accreditedSystem(String asid, String odsCode, String interaction) {
        CompletableFuture<SdsResult<SdsDevice>> search = accreditedSystems(DeviceQuery.byAsid(asid, odsCode, interaction));
        return cancellable(search, search.thenApply(r -> r.records().stream().findFirst()));
    }

    /** Every endpoint the query finds. */
    default CompletableFuture<SdsResult<SdsEndpoint>> endpoints(EndpointQuery query) {
        return collect(pages -> searchEndpoints(query, pages));
    }

    /** Endpoints of an organisation for an interaction. */
    default CompletableFuture<SdsResult<SdsEndpoint>> endpoints(String odsCode, String interaction) {
        return endpoints(EndpointQuery.of(odsCode, interaction));
    }

    /** Endpoints with a party key, within the organisation that manages them. */
    default CompletableFuture<SdsResult<SdsEndpoint>> endpointsByPartyKey(String odsCode, String partyKey) {
        return endpoints(EndpointQuery.byPartyKey(odsCode, partyKey));
    }

    private static <T> CompletableFuture<SdsResult<T>> collect(
            Function<Consumer<List<T>>, CompletableFuture<SdsSearchSummary>> search) {
        List<T> all = new ArrayList<>();
        CompletableFuture<SdsSearchSummary> running = search.apply(page -> {
            synchronized (all) {
                all.addAll(page);
            }
        });
        return cancellable(running, running.thenApply(summary -> {
            synchronized (all) {
                return new SdsResult<>(all, summary);
            }
        }));
    }

    /** {@code derived}, which, when cancelled, cancels the search it came from. */
    private static <T> CompletableFuture<T> cancellable(CompletableFuture<?> source, CompletableFuture<T> derived) {
        derived.whenComplete((v, e) -> {
            if (derived.isCancelled()) {
                source.cancel(true);
            }
        });
        return derived;
    }
}
