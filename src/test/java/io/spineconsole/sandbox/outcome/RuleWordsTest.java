package io.spineconsole.sandbox.outcome;

import io.spineconsole.domain.RuleCode;
import io.spineconsole.domain.RuleIssue;
import io.spineconsole.domain.registrations.FieldIssue;
import io.spineconsole.domain.registrations.FieldRuleIssue;
import io.spineconsole.domain.Identifiers;
import io.spineconsole.ui.common.I18n;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The sandbox words a rule's issue as the console does, and its problem details read as they always have. */
class RuleWordsTest {

    @Test
    void theWireKeepsTheSentencesClientsAlreadyRead() {
        assertEquals("Party key YES-0000806 does not start with the owner's ODS code RR8.",
                RuleWords.of(RuleIssue.of(RuleCode.PARTY_KEY_PREFIX_MISMATCH, "YES-0000806", "RR8")));
        assertEquals("A CPA id is 1 to 64 letters, digits, '_' or '-', for example S20001A000182.",
                RuleWords.of(RuleIssue.of(RuleCode.CPA_ID_FORMAT)));
        assertEquals("At most 500 interactions.", RuleWords.of(RuleIssue.of(RuleCode.INTERACTIONS_TOO_MANY, 500)));
        assertEquals("Give the number of retries (0 to 20).", RuleWords.of(RuleIssue.of(RuleCode.RETRIES_REQUIRED, 0, 20)));
        assertEquals("A async-reliable endpoint needs reliability settings (retries, interval, persist duration).",
                RuleWords.of(RuleIssue.of(RuleCode.RELIABILITY_REQUIRED, "async-reliable")));
        assertEquals("At most 2048 characters.", RuleWords.of(RuleIssue.of(RuleCode.TOO_LONG, 2048)),
                "a limit is written without a thousands separator");
    }

    @Test
    void aFieldIssueKeepsItsPointerAndWireCode() {
        assertEquals(List.of(new FieldIssue("/odsCode", "PATTERN",
                        "An ODS code is 3 to 9 upper-case letters and digits, for example RR8 or A81001.")),
                RuleWords.of(List.of(FieldRuleIssue.of("/odsCode", "PATTERN", RuleCode.ODS_CODE_FORMAT))));
    }

    @Test
    void aParameterCheckAnswersWithTheSentenceOrNothing() {
        var check = RuleWords.sentences(Identifiers::checkAsid);
        assertEquals(Optional.of("An ASID is exactly 12 digits, for example 200000000985."), check.apply("123"));
        assertEquals(Optional.empty(), check.apply("200000000985"));
    }

    @Test
    void everyCodeIsWordedOnTheServerAsTheConsoleWordsIt() {
        I18n console = new I18n(Locale.UK);
        for (RuleCode code : RuleCode.values()) {
            RuleIssue issue = RuleIssue.of(code, 7, 8);
            String words = RuleWords.of(issue);
            assertEquals(console.rule(issue), words, code.name());
            assertFalse(words.contains("{") || words.isBlank(), code + ": " + words);
        }
    }
}
