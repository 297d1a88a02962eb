package io.spineconsole.domain.registrations;

import java.util.List;

/** Every editable member of an accredited system (PUT: an omitted optional member is cleared). */
public record AccreditedSystemUpdate(String odsCode, String name, String manufacturerOdsCode, String productName,
                                     String productVersion, String partyKey, List<String> interactions) {
}
