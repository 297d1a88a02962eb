package io.spineconsole.sandbox.registrations;

import io.spineconsole.sandbox.SandboxContext;

/**
 * The registrations area's stores, one per record type, sharing one {@link RecordLifecycle}. Opening
 * it brings the store up to date: the interaction catalogue is mirrored into its table (the checks
 * compare patterns against it) and endpoints from before endpoint ids get one.
 */
public final class Registrations {
    private final SandboxContext context;
    private final OrganisationStore organisations;
    private final SystemStore systems;
    private final EndpointStore endpoints;

    public Registrations(SandboxContext context) {
        this.context = context;
        context.sql().inTransaction(c -> {
            InteractionLists.mirrorCatalogue(c, context.interactions());
            EndpointStore.assignMissingIds(c);
            return null;
        });
        RecordLifecycle lifecycle = new RecordLifecycle(context);
        this.organisations = new OrganisationStore(context.sql(), lifecycle);
        this.systems = new SystemStore(context.sql(), lifecycle, organisations);
        this.endpoints = new EndpointStore(context.sql(), lifecycle, organisations, !context.isPostgres());
    }

    public SandboxContext context() {
        return context;
    }

    public OrganisationStore organisations() {
        return organisations;
    }

    public SystemStore systems() {
        return systems;
    }

    public EndpointStore endpoints() {
        return endpoints;
    }
}
