package io.spineconsole.ui.common;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidatedFieldTest {
    private final ValidatedField asid = new ValidatedField(v -> v.matches("\\d{12}") ? "" : "An ASID is 12 digits.");

    @Test
    void theRuleIsCheckedAsTheUserTypes() {
        asid.reset("200000000985");
        assertTrue(asid.isValid());
        asid.valueProperty().set("20000000098");
        assertEquals("An ASID is 12 digits.", asid.errorProperty().get());
    }

    @Test
    void theServersVerdictShowsUntilTheValueChanges() {
        asid.reset("200000000985");
        asid.showServerError("Already registered to another organisation.");
        assertEquals("Already registered to another organisation.", asid.errorProperty().get());
        asid.valueProperty().set("200000000986");
        assertTrue(asid.isValid());
    }

    @Test
    void dirtyMeansDifferentFromWhatWasLoaded() {
        asid.reset("200000000985");
        assertFalse(asid.isDirty());
        asid.valueProperty().set("200000000986");
        assertTrue(asid.isDirty());
        asid.valueProperty().set(" 200000000985 ");
        assertFalse(asid.isDirty(), "surrounding spaces are not a change");
        asid.reset(null);
        assertEquals("", asid.value());
        assertEquals(null, asid.valueOrNull());
    }
}
