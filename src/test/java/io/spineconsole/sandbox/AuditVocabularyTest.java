package io.spineconsole.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spineconsole.contract.OpenApiContract;
import io.spineconsole.domain.Principal;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.audit.AuditVocabulary;
import io.spineconsole.ui.admin.AuditBrowserViewModel;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit log's words are one list: openapi.yaml's EntityType and AuditAction, the server's (its audit log
 * writes no other, its filters take no other) and the console's audit browser filters.
 */
class AuditVocabularyTest {

    private static List<String> enumOf(String schema) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : OpenApiContract.get().at("#/components/schemas/" + schema + "/enum")) {
            out.add(n.asText());
        }
        return out;
    }

    @Test
    void theVocabularyIsTheContractsInItsOrder() {
        assertEquals(enumOf("EntityType"), AuditVocabulary.ENTITY_TYPES);
        assertEquals(enumOf("AuditAction"), AuditVocabulary.ACTIONS);
        assertTrue(AuditVocabulary.ENTITY_TYPES.containsAll(List.of("alert-rule", "alert")));
        assertTrue(AuditVocabulary.ACTIONS.containsAll(List.of("acknowledge", "snooze")));
    }

    @Test
    void theServerAndTheAuditBrowserUseIt() {
        assertEquals(java.util.Set.copyOf(AuditVocabulary.ENTITY_TYPES), AuditStore.ENTITY_TYPES);
        assertEquals(java.util.Set.copyOf(AuditVocabulary.ACTIONS), AuditStore.ACTIONS);
        assertEquals(AuditVocabulary.ENTITY_TYPES, AuditBrowserViewModel.ENTITY_TYPES);
        assertEquals(AuditVocabulary.ACTIONS, AuditBrowserViewModel.ACTIONS);
    }

    @Test
    void theAuditLogRefusesAWordTheContractLacks() {
        AuditLog log = new AuditLog(new ObjectMapper(), Clock.systemUTC());
        Actor actor = new Actor(new Principal("Ada Admin", Role.ADMIN, 1), "req-vocabulary");
        // Refused before the connection is touched: no database needed.
        assertThrows(IllegalArgumentException.class, () -> log.record(null, actor, "approve", "endpoint", "1", null,
                null, null));
        assertThrows(IllegalArgumentException.class, () -> log.record(null, actor, "update", "alerts", "1", null,
                null, null));
    }
}
