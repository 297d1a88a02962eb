package io.spineconsole.domain.sds;

import io.spineconsole.domain.Coded;

/**
 * The environments of the SDS FHIR API and their base URLs, as the published API specification
 * lists them ("Environments and testing").
 */
public enum SdsEnvironment implements Coded {
    /** Open-access sandbox with a fixed set of scenarios; any API key is accepted. */
    SANDBOX("sandbox", "https://sandbox.api.service.nhs.uk/spine-directory/FHIR/R4"),
    /** Integration test. */
    INT("int", "https://int.api.service.nhs.uk/spine-directory/FHIR/R4"),
    /** Deployment and user acceptance testing. */
    DEP("dep", "https://dep.api.service.nhs.uk/spine-directory/FHIR/R4"),
    /** Production: the national directory. */
    LIVE("live", "https://api.service.nhs.uk/spine-directory/FHIR/R4");

    private final String code;
    private final String baseUrl;

    SdsEnvironment(String code, String baseUrl) {
        this.code = code;
        this.baseUrl = baseUrl;
    }

    @Override
    public String code() {
        return code;
    }

    /** The base URL the resources ({@code /Device}, {@code /Endpoint}) hang from, without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    public boolean isLive() {
        return this == LIVE;
    }
}
