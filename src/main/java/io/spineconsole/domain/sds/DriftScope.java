package io.spineconsole.domain.sds;

import java.util.Collection;

/**
 * Which records a drift comparison covers, on both sides: everything (a whole extract), one
 * organisation, one organisation and interaction (as an SDS search asks), or one party key. A
 * record outside the scope is left out of the comparison, so a search that asked SDS about one
 * interaction does not report every other registration as missing in SDS.
 *
 * @param odsCode       only records of this organisation, or null for every organisation
 * @param interactionId only records that carry this interaction, or null
 * @param partyKey      only records with this party key, or null
 */
public record DriftScope(String odsCode, String interactionId, String partyKey) {
    public DriftScope {
        odsCode = blankToNull(odsCode);
        interactionId = blankToNull(interactionId);
        partyKey = blankToNull(partyKey);
    }

    public static DriftScope everything() {
        return new DriftScope(null, null, null);
    }

    public static DriftScope organisation(String odsCode) {
        return new DriftScope(odsCode, null, null);
    }

    public static DriftScope organisationAndInteraction(String odsCode, String interactionId) {
        return new DriftScope(odsCode, interactionId, null);
    }

    public static DriftScope partyKey(String partyKey) {
        return new DriftScope(null, null, partyKey);
    }

    /** True when a record with these values is inside the scope. ODS codes and party keys ignore case. */
    public boolean covers(String recordOdsCode, String recordPartyKey, Collection<String> interactions) {
        if (odsCode != null && !odsCode.equalsIgnoreCase(trim(recordOdsCode))) {
            return false;
        }
        if (partyKey != null && !partyKey.equalsIgnoreCase(trim(recordPartyKey))) {
            return false;
        }
        if (interactionId == null) {
            return true;
        }
        for (String i : interactions) {
            if (interactionId.equals(trim(i))) {
                return true;
            }
        }
        return false;
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
