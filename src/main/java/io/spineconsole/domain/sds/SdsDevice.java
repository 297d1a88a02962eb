package io.spineconsole.domain.sds;

import java.util.List;

/**
 * An accredited system as the Spine Directory Service publishes it (a FHIR {@code Device}), values
 * as SDS writes them: nothing here is normalised or checked, so what is shown and compared is what
 * SDS holds.
 *
 * @param id                  SDS's own identifier of the record (a UUID in the published API)
 * @param asid                the Accredited System ID ({@code nhsSpineASID})
 * @param partyKey            the MHS party key ({@code nhsMhsPartyKey}), or null
 * @param odsCode             the owning organisation's ODS code ({@code owner})
 * @param ownerName           the owner's name when SDS gives one ({@code owner.display}), or null
 * @param manufacturerOdsCode the manufacturing organisation's ODS code, or null
 * @param interactions        the service interactions the system is accredited for, in SDS's order
 */
public record SdsDevice(String id, String asid, String partyKey, String odsCode, String ownerName,
                        String manufacturerOdsCode, List<String> interactions) {
    public SdsDevice {
        interactions = interactions == null ? List.of() : List.copyOf(interactions);
    }
}
