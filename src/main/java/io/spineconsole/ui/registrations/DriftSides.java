package io.spineconsole.ui.registrations;

import io.spineconsole.api.Page;
import io.spineconsole.api.RegistrationsApi;
import io.spineconsole.api.sds.SdsDirectory;
import io.spineconsole.api.sds.SdsResult;
import io.spineconsole.domain.registrations.RegistrationFilter;
import io.spineconsole.domain.sds.AsPublished;
import io.spineconsole.domain.sds.DriftExpectation;
import io.spineconsole.domain.sds.DriftReport;
import io.spineconsole.domain.sds.DriftScope;
import io.spineconsole.domain.sds.DriftStatus;
import io.spineconsole.domain.sds.EndpointDrift;
import io.spineconsole.domain.sds.SdsDevice;
import io.spineconsole.domain.sds.SdsEndpoint;
import io.spineconsole.domain.sds.SystemDrift;
import io.spineconsole.ui.common.I18n;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The two sides a drift view compares, and the words for them: our registrations (one admin API) against what SDS
 * publishes, or a first environment's registrations against a second's, written as SDS would publish them
 * ({@link AsPublished}) so that one comparison ({@link EndpointDrift}, {@link SystemDrift}) serves both. In an
 * environment comparison "missing in SDS" reads "missing in" the second, "missing here" "missing in" the first.
 */
final class DriftSides {
    private static final int PAGE = 200;
    private final RegistrationsApi here;
    private final Function<RegistrationFilter, CompletableFuture<List<SdsEndpoint>>> endpoints;
    private final Function<RegistrationFilter, CompletableFuture<List<SdsDevice>>> systems;
    private final String hereName;
    private final String thereName;

    private DriftSides(RegistrationsApi here, Function<RegistrationFilter, CompletableFuture<List<SdsEndpoint>>> endpoints,
                       Function<RegistrationFilter, CompletableFuture<List<SdsDevice>>> systems, String hereName,
                       String thereName) {
        this.here = here;
        this.endpoints = endpoints;
        this.systems = systems;
        this.hereName = hereName;
        this.thereName = thereName;
    }

    /** Our registrations against SDS (searched by organisation and interaction, as its API offers). */
    static DriftSides sds(RegistrationsApi api, SdsDirectory sds) {
        return new DriftSides(api, f -> sds.endpoints(f.ods(), f.interaction()).thenApply(SdsResult::records),
                f -> sds.accreditedSystems(f.ods(), f.interaction()).thenApply(SdsResult::records), null, null);
    }

    /** The registrations of environment {@code a} against those of {@code b}. */
    static DriftSides environments(RegistrationsApi a, String aName, RegistrationsApi b, String bName) {
        return new DriftSides(a,
                f -> all(c -> b.endpoints(f, c, PAGE)).thenApply(l -> l.stream().map(AsPublished::endpoint).toList()),
                f -> all(c -> b.accreditedSystems(f, c, PAGE)).thenApply(l -> l.stream().map(AsPublished::system).toList()),
                aName, bName);
    }

    boolean isEnvironments() {
        return hereName != null;
    }

    RegistrationsApi here() {
        return here;
    }

    /** Compares both sides' endpoints and accredited systems within the organisation and interaction (null: all). */
    CompletableFuture<List<DriftReport>> compare(String ods, String interaction) {
        DriftScope scope = new DriftScope(ods, interaction, null);
        RegistrationFilter filter = new RegistrationFilter(null, null, ods, null, null, interaction, null, null, null, null);
        CompletableFuture<DriftReport> e = all(c -> here.endpoints(filter, c, PAGE)).thenCombine(endpoints.apply(filter),
                (ours, published) -> EndpointDrift.compare(scope, ours, published));
        CompletableFuture<DriftReport> s = all(c -> here.accreditedSystems(filter, c, PAGE)).thenCombine(
                systems.apply(filter), (ours, published) -> SystemDrift.compare(scope, ours, published));
        return e.thenCombine(s, List::of);
    }

    /** What is marked as expected (against SDS only: environments are compared as they are). */
    CompletableFuture<List<DriftExpectation>> expectations() {
        return isEnvironments() ? CompletableFuture.completedFuture(List.of())
                : all(c -> here.driftExpectations(null, c, 500));
    }

    String status(I18n i18n, DriftStatus s) {
        return switch (s) {
            case MISSING_IN_SDS -> isEnvironments() ? i18n.get("registrations.envdiff.missingIn", thereName)
                    : i18n.get("registrations.drift.missingInSds");
            case MISSING_HERE -> isEnvironments() ? i18n.get("registrations.envdiff.missingIn", hereName)
                    : i18n.get("registrations.drift.missingHere");
            case DIFFERENT -> i18n.get("registrations.drift.different");
        };
    }

    String counts(I18n i18n, String type, long here, long there, long same, long missingThere, long missingHere,
                  long different) {
        return isEnvironments()
                ? i18n.get("registrations.envdiff.counts", type, here, there, same, missingThere, missingHere, different,
                        hereName, thereName)
                : i18n.get("registrations.drift.counts", type, here, there, same, missingThere, missingHere, different);
    }

    String difference(I18n i18n, String field, String ours, String theirs) {
        return isEnvironments() ? i18n.get("registrations.envdiff.difference", field, ours, theirs, hereName, thereName)
                : i18n.get("registrations.drift.difference", field, ours, theirs);
    }

    String interactions(I18n i18n, String field, String onlyHere, String onlyThere) {
        return isEnvironments()
                ? i18n.get("registrations.envdiff.interactions", field, onlyHere, onlyThere, hereName, thereName)
                : i18n.get("registrations.drift.interactions", field, onlyHere, onlyThere);
    }

    String running(I18n i18n, String ods, String interaction) {
        return isEnvironments() ? i18n.get("registrations.envdiff.running", hereName, thereName)
                : i18n.get("registrations.drift.running", ods, interaction);
    }

    String none(I18n i18n) {
        return isEnvironments() ? i18n.get("registrations.envdiff.none", hereName, thereName)
                : i18n.get("registrations.drift.none");
    }

    /** Every page of a listing, in order. */
    static <T> CompletableFuture<List<T>> all(Function<String, CompletableFuture<Page<T>>> page) {
        List<T> out = new ArrayList<>();
        return next(page, null, out).thenApply(v -> out);
    }

    private static <T> CompletableFuture<Void> next(Function<String, CompletableFuture<Page<T>>> page, String cursor,
                                                     List<T> out) {
        return page.apply(cursor).thenCompose(p -> {
            out.addAll(p.items());
            return p.nextCursor() == null ? CompletableFuture.completedFuture(null) : next(page, p.nextCursor(), out);
        });
    }
}
