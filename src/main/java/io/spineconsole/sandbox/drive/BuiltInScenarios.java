package io.spineconsole.sandbox.drive;

import io.spineconsole.domain.sandbox.Scenario;
import io.spineconsole.domain.sandbox.ScenarioParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The scenarios that come with the product, in the same file format a trainer writes. */
public final class BuiltInScenarios {
    static final List<String> FILES = List.of("gp2gp-monday.scenario", "certificate-expiry.scenario",
            "national-peak.scenario");

    private BuiltInScenarios() {
    }

    public static List<Scenario> load() {
        List<Scenario> out = new ArrayList<>();
        for (String file : FILES) {
            out.add(ScenarioParser.parse(text(file)));
        }
        return List.copyOf(out);
    }

    static String text(String file) {
        try (InputStream in = BuiltInScenarios.class.getResourceAsStream("/io/spineconsole/sandbox/scenarios/" + file)) {
            if (in == null) {
                throw new IllegalStateException("Missing built-in scenario " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
