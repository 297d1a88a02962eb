package io.spineconsole.ui.common;

import io.spineconsole.api.ApiException;
import io.spineconsole.api.ConnectionState;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.RuleCode;
import io.spineconsole.settings.EnvironmentKind;
import io.spineconsole.ui.shell.Workspace;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fails on a key the code uses that messages.properties lacks, and on a key nobody uses. Keys
 * built at run time from a prefix and an enum's code are listed here from the enums themselves.
 */
class I18nConsistencyTest {
    private static final Pattern LITERAL_KEY = Pattern.compile("i18n\\.get\\(\\s*\"([a-zA-Z0-9_.]+)\"\\s*[,)]");
    private static final Pattern STARTUP_STEP = Pattern.compile("\"(startup\\.step\\.[a-zA-Z]+)\"");
    private static final Pattern TERNARY_KEY = Pattern.compile("\\?\\s*\"([a-z]+\\.[a-zA-Z.]+)\"\\s*:\\s*\"([a-z]+\\.[a-zA-Z.]+)\"");

    private static Set<String> keysInCode() throws IOException {
        Set<String> keys = new HashSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                for (Pattern p : new Pattern[] {LITERAL_KEY, STARTUP_STEP}) {
                    Matcher m = p.matcher(source);
                    while (m.find()) {
                        keys.add(m.group(1));
                    }
                }
                Matcher t = TERNARY_KEY.matcher(source);
                while (t.find()) {
                    keys.add(t.group(1));
                    keys.add(t.group(2));
                }
            }
        }
        Arrays.stream(EnvironmentKind.values()).forEach(k -> keys.add("environment." + k.code()));
        Arrays.stream(ConnectionState.values()).forEach(s -> keys.add("connection." + s.name().toLowerCase(Locale.ROOT)));
        Arrays.stream(Role.values()).forEach(r -> keys.add("role." + r.code()));
        Arrays.stream(ApiException.Kind.values()).forEach(k -> keys.add("error." + k.name().toLowerCase(Locale.ROOT)));
        Arrays.stream(Workspace.values()).forEach(w -> keys.add(w.titleKey()));
        for (String code : Stream.concat(Arrays.stream(io.spineconsole.domain.messages.DeliveryError.values())
                .map(io.spineconsole.domain.messages.DeliveryError::code), Stream.of("unknown")).toList()) {
            for (String part : new String[] {"", ".what", ".next"}) {
                keys.add("messages.error." + code + part);
            }
        }
        Arrays.stream(RuleCode.values()).forEach(c -> keys.add(c.key()));
        Arrays.stream(io.spineconsole.domain.sds.DriftField.values()).forEach(f -> keys.add("registrations.sds.field." + f.code()));
        Arrays.stream(io.spineconsole.api.sds.SdsException.Reason.values())
                .forEach(r -> keys.add("registrations.sds.failed." + r.code()));
        Arrays.stream(io.spineconsole.domain.sds.SdsEnvironment.values()).forEach(e -> keys.add("sds.environment." + e.code()));
        Arrays.stream(io.spineconsole.domain.messages.HealthGroup.values())
                .forEach(g -> keys.add("messages.health.group." + g.code()));
        Arrays.stream(io.spineconsole.domain.messages.HealthSort.values())
                .forEach(s -> keys.add("messages.health.sort." + s.code()));
        Arrays.stream(io.spineconsole.domain.messages.CertificateState.values())
                .forEach(c -> keys.add("messages.health.certificate." + c.code()));
        Arrays.stream(io.spineconsole.domain.alerts.AlertRuleKind.values()).forEach(k -> keys.add("alerts.kind." + k.code()));
        Arrays.stream(io.spineconsole.domain.alerts.AlertState.values()).forEach(k -> keys.add("alerts.state." + k.code()));
        Arrays.stream(io.spineconsole.domain.alerts.AlertMeasure.values()).forEach(m -> keys.add("alerts.measure." + m.code()));
        io.spineconsole.domain.audit.AuditVocabulary.ENTITY_TYPES.forEach(t -> keys.add("admin.audit.type." + t));
        io.spineconsole.domain.audit.AuditVocabulary.ACTIONS.forEach(a -> keys.add("admin.audit.action." + a));
        Arrays.stream(io.spineconsole.domain.alerts.AlertSubjectKind.values())
                .forEach(k -> keys.add("alerts.subject." + k.code()));
        for (io.spineconsole.domain.alerts.AlertScope scope : io.spineconsole.domain.alerts.AlertScope.values()) {
            keys.add("alerts.rules.scope." + scope.code());
            keys.add("alerts.rules.targetPrompt." + scope.code());
        }
        for (io.spineconsole.domain.alerts.AlertThreshold t : io.spineconsole.domain.alerts.AlertThreshold.values()) {
            keys.add("alerts.rules.figure." + t.field());
            keys.add("alerts.rules.figureShort." + t.field());
        }
        return keys;
    }

    private static Set<String> keysInBundle() throws IOException {
        Properties p = new Properties();
        try (InputStream in = I18nConsistencyTest.class.getResourceAsStream("/io/spineconsole/i18n/messages.properties")) {
            p.load(in);
        }
        return p.stringPropertyNames();
    }

    @Test
    void everyKeyUsedIsDefined() throws IOException {
        Set<String> missing = new TreeSet<>(keysInCode());
        missing.removeAll(keysInBundle());
        assertEquals(Set.of(), missing, "keys used in code but missing from messages.properties");
    }

    @Test
    void everyDefinedKeyIsUsed() throws IOException {
        Set<String> unused = new TreeSet<>(keysInBundle());
        unused.removeAll(keysInCode());
        assertEquals(Set.of(), unused, "keys in messages.properties that no code uses");
    }

    /**
     * A rule's words with arguments go through MessageFormat, where a lone apostrophe swallows what
     * follows; without arguments they are shown as written, where '' would show twice.
     */
    @Test
    void everyRulesWordsQuoteApostrophesTheWayTheyAreFilledIn() throws IOException {
        Properties p = new Properties();
        try (InputStream in = I18nConsistencyTest.class.getResourceAsStream("/io/spineconsole/i18n/messages.properties")) {
            p.load(in);
        }
        for (RuleCode code : RuleCode.values()) {
            String words = p.getProperty(code.key());
            boolean hasArgs = words.contains("{0");
            String withoutDoubled = words.replace("''", "");
            assertTrue(hasArgs ? !withoutDoubled.contains("'") : !words.contains("''"), code.key() + ": " + words);
        }
    }

    @Test
    void theScannerFindsKeysAtAll() throws IOException {
        assertTrue(keysInCode().size() > 50, "the key scanner must not pass by finding nothing");
    }
}
