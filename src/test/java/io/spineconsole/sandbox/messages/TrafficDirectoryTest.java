package io.spineconsole.sandbox.messages;

import io.spineconsole.sandbox.InteractionCatalogue;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which backbone component carries an interaction: what the simulator routes each message by. */
class TrafficDirectoryTest {
    @Test
    void eachServiceIsCarriedByItsComponent() {
        assertEquals("PDS", TrafficDirectory.componentOf("urn:nhs:names:services:pds:QUPA_IN000008UK02"));
        assertEquals("PDS", TrafficDirectory.componentOf("urn:nhs:names:services:pdsquery:QUPA_IN000006UK02"));
        assertEquals("SCR", TrafficDirectory.componentOf("urn:nhs:names:services:psis:REPC_IN150016UK05"));
        assertEquals("EPS", TrafficDirectory.componentOf("urn:nhs:names:services:mm:PORX_IN020101SM31"));
        assertEquals("ERS", TrafficDirectory.componentOf("urn:nhs:names:services:ebs:PRSC_IN040000UK08"));
        assertEquals("SDS", TrafficDirectory.componentOf("urn:nhs:names:services:sdsquery"), "no colon after the service");
        assertEquals("CORE-MSG", TrafficDirectory.componentOf("urn:nhs:names:services:gpconnect:fhir:rest:read:metadata"));
        assertEquals("CORE-MSG", TrafficDirectory.componentOf(""));
    }

    @Test
    void everyCataloguedInteractionGetsTheComponentItsServiceNameSays() {
        List<InteractionCatalogue.Interaction> all = InteractionCatalogue.load().all();
        assertTrue(all.size() > 20, "the catalogue is loaded: " + all.size());
        for (InteractionCatalogue.Interaction i : all) {
            // The rule as it reads in words: drop the services prefix, keep what comes before the next colon.
            String service = i.id().replaceFirst("^urn:nhs:names:services:", "").replaceFirst(":.*$", "");
            assertEquals(TrafficDirectory.componentOf("urn:nhs:names:services:" + service), TrafficDirectory.componentOf(i.id()),
                    i.id());
        }
    }
}
