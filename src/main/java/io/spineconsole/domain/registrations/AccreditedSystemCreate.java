package io.spineconsole.domain.registrations;

import java.util.List;

/** A new accredited system; created in status requested. */
public record AccreditedSystemCreate(String asid, String odsCode, String name, String manufacturerOdsCode,
                                     String productName, String productVersion, String partyKey,
                                     List<String> interactions) {
}
