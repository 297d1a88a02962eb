package io.spineconsole.sandbox.messages;

import io.spineconsole.domain.messages.MessagingPattern;
import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.sandbox.Sql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The traffic simulator against a seeded sandbox store: messages go only to endpoints registered
 * for their interaction, follow the receiver's pattern, include unregistered addresses, move off a
 * data centre when their component cuts over, and arrive at the rate asked for.
 */
class TrafficSimulatorTest {
    private static SandboxFixture sandbox;
    private static Sql sql;
    private static TrafficSimulator simulator;
    private static Map<String, String> states;

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.start();
        sql = new Sql(sandbox.backbone().database().dataSource());
        simulator = sandbox.backbone().traffic();
        states = new HashMap<>();
        sql.list("SELECT code, state FROM component", r -> states.put(r.getString(1), r.getString(2)));
    }

    @AfterEach
    void restoreComponents() {
        simulator.stop();
        states.forEach((code, state) -> sql.update("UPDATE component SET state = ? WHERE code = ?", state, code));
        simulator.reloadDirectory();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void messagesGoToEndpointsRegisteredForTheirInteractionWithTheEndpointsPattern() {
        TrafficDirectory directory = TrafficDirectory.load(sql);
        List<MessageRow> rows = simulator.generate(3_000, Instant.now());
        assertEquals(3_000, rows.size());
        int unregistered = 0;
        Set<MessagingPattern> patterns = new HashSet<>();
        for (MessageRow r : rows) {
            if (r.endpointId == null) {
                unregistered++;
                assertEquals("12", r.errorCode, "an unregistered To address is dead-lettered with code 12");
                continue;
            }
            TrafficDirectory.Target to = directory.target(r.endpointId);
            assertTrue(to.interactions().contains(r.interaction), r.interaction + " is registered on " + to.partyKey());
            assertEquals(to.pattern(), r.pattern);
            assertEquals(to.partyKey(), r.toPartyKey);
            patterns.add(r.pattern);
        }
        // About 0.4 % of messages are addressed to a party key nobody registered.
        assertTrue(unregistered >= 3 && unregistered <= 30, unregistered + " unregistered of 3,000");
        assertTrue(patterns.containsAll(List.of(MessagingPattern.SYNC, MessagingPattern.ASYNC_EXPRESS,
                MessagingPattern.ASYNC_RELIABLE, MessagingPattern.FORWARD_RELIABLE)), "every pattern is exercised: " + patterns);
    }

    @Test
    void aComponentCuttingOverMovesItsTrafficOffTheDataCentres() {
        String pds = "urn:nhs:names:services:pdsquery:QUPA_IN000008UK02";
        TrafficDirectory before = TrafficDirectory.load(sql);
        // PDS runs in parallel in a data centre and a cloud region; SCR is still only in a data centre.
        assertEquals(List.of("CLOUD-LDN-1", "DC-SOUTH"), before.sitesFor(pds));
        String scr = "urn:nhs:names:services:psis:REPC_IN150016UK05";
        assertEquals(List.of("DC-NORTH"), before.sitesFor(scr));

        sql.update("UPDATE component SET state = 'cut-over' WHERE code IN ('PDS', 'SCR')");
        TrafficDirectory after = TrafficDirectory.load(sql);
        assertEquals(List.of("CLOUD-LDN-1"), after.sitesFor(pds), "PDS traffic leaves DC-SOUTH");
        // A component with no cloud hosting yet goes through the cloud regions once it is cut over.
        assertEquals(List.of("CLOUD-LDN-1", "CLOUD-LDN-2"), after.sitesFor(scr));

        sql.update("UPDATE component SET state = 'rolled-back' WHERE code = 'PDS'");
        assertEquals(List.of("CLOUD-LDN-1", "DC-SOUTH"), TrafficDirectory.load(sql).sitesFor(pds),
                "a rolled-back component's traffic returns to the data centre");
    }

    @Test
    void liveTrafficStopsUsingADataCentreAfterTheNextDirectoryReload() {
        sql.update("UPDATE component SET state = 'cut-over'");
        simulator.reloadDirectory();
        List<MessageRow> rows = simulator.generate(2_000, Instant.now());
        Set<String> sites = new HashSet<>();
        rows.forEach(r -> sites.add(r.site));
        assertEquals(Set.of("CLOUD-LDN-1", "CLOUD-LDN-2"), sites, "with everything cut over, no data centre carries traffic");
    }

    @Test
    void theRateIsConfigurableUpToTheNationalPeak() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> simulator.start(0));
        assertThrows(IllegalArgumentException.class, () -> simulator.start(TrafficSimulator.MAX_RATE + 1));
        long before = sql.count("SELECT COUNT(*) FROM message");
        long started = System.nanoTime();
        simulator.start(300);
        Thread.sleep(3_000);
        simulator.stop();
        double seconds = (System.nanoTime() - started) / 1e9;
        long made = sql.count("SELECT COUNT(*) FROM message") - before;
        double rate = made / seconds;
        assertTrue(rate > 300 * 0.6 && rate < 300 * 1.2, "asked for 300 msg/s, got " + rate);
        simulator.start(TrafficSimulator.MAX_RATE);
        assertEquals(TrafficSimulator.MAX_RATE, simulator.rate());
        simulator.stop();
    }
}
