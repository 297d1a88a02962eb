package io.spineconsole.domain.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the scenario file format (docs/SCENARIOS.md): comment lines ({@code #}), a
 * {@code scenario:} name, an optional {@code description:}, and steps such as
 * {@code at 10m for 30m: endpoint-failing interaction=gp2gp failure=http-503}. A file with any
 * mistake is refused whole, each mistake with its line number and the reason.
 */
public final class ScenarioParser {
    /** Longest file accepted, in characters. */
    public static final int MAX_CHARS = 20_000;
    public static final int MAX_STEPS = 50;
    public static final int MAX_NAME = 80;
    public static final int MAX_DESCRIPTION = 500;
    /** The latest a step may end, after the start. */
    public static final long MAX_SECONDS = 24 * 3600;
    /** The highest burst rate (the national peak, as the traffic simulator has it). */
    public static final int MAX_RATE = 3_200;

    private static final Pattern STEP = Pattern.compile("at\\s+(\\S+)\\s+for\\s+(\\S+)\\s*:\\s*(\\S+)(.*)");
    private static final Pattern TIME = Pattern.compile("(\\d{1,5})([smh])");
    private static final Pattern ODS = Pattern.compile("[A-Z0-9]{3,9}");
    private static final Pattern INTERACTION = Pattern.compile("[A-Za-z0-9:_.-]{2,120}");
    /** A migration component's code, as the Migration workspace writes it (PDS, CORE-MSG). */
    private static final Pattern COMPONENT = Pattern.compile("[A-Z][A-Z0-9-]{1,19}");
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            Scenario.ENDPOINT_FAILING, Set.of("ods", "interaction", "failure"),
            Scenario.CERTIFICATE_EXPIRED, Set.of("ods"),
            Scenario.ORGANISATION_SILENT, Set.of("ods"),
            Scenario.BURST, Set.of("rate"),
            Scenario.DEAD_LETTERS, Set.of("ods", "interaction"),
            Scenario.MIGRATION_BLOCKED, Set.of("component"));

    /** One mistake: the line (1-based; 0 for the file as a whole) and why. */
    public record Mistake(int line, String reason) {
        @Override
        public String toString() {
            return line == 0 ? reason : "Line " + line + ": " + reason;
        }
    }

    /** The file was refused; nothing in it is used. */
    public static final class Refused extends RuntimeException {
        private final transient List<Mistake> mistakes;

        Refused(List<Mistake> mistakes) {
            super(mistakes.get(0).toString());
            this.mistakes = List.copyOf(mistakes);
        }

        public List<Mistake> mistakes() {
            return mistakes;
        }
    }

    private ScenarioParser() {
    }

    public static Scenario parse(String text) {
        List<Mistake> mistakes = new ArrayList<>();
        if (text == null || text.isBlank()) {
            throw new Refused(List.of(new Mistake(0, "The file is empty: it needs a 'scenario:' line and at least one step.")));
        }
        if (text.length() > MAX_CHARS) {
            throw new Refused(List.of(new Mistake(0, "The file is longer than " + MAX_CHARS + " characters.")));
        }
        String name = null;
        String description = "";
        int nameLine = 0;
        boolean described = false;
        List<ScenarioStep> steps = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            int n = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("scenario:")) {
                String value = line.substring("scenario:".length()).strip();
                if (name != null) {
                    mistakes.add(new Mistake(n, "A second 'scenario:' line; the name was given on line " + nameLine + "."));
                } else if (value.isEmpty() || value.length() > MAX_NAME) {
                    mistakes.add(new Mistake(n, "The scenario's name must be 1 to " + MAX_NAME + " characters."));
                    name = "";
                } else {
                    name = value;
                }
                nameLine = n;
            } else if (line.startsWith("description:")) {
                String value = line.substring("description:".length()).strip();
                if (described) {
                    mistakes.add(new Mistake(n, "A second 'description:' line."));
                } else if (value.length() > MAX_DESCRIPTION) {
                    mistakes.add(new Mistake(n, "The description is longer than " + MAX_DESCRIPTION + " characters."));
                }
                described = true;
                description = value;
            } else if (line.startsWith("at ") || line.startsWith("at\t")) {
                ScenarioStep step = step(n, line, mistakes);
                if (step != null) {
                    steps.add(step);
                }
            } else {
                mistakes.add(new Mistake(n, "Not a comment, 'scenario:', 'description:' or step ('at 10m for 30m: "
                        + "condition key=value'): '" + abbreviate(line) + "'."));
            }
        }
        if (name == null) {
            mistakes.add(new Mistake(0, "The file has no 'scenario:' line naming it."));
        }
        if (steps.isEmpty() && mistakes.isEmpty()) {
            mistakes.add(new Mistake(0, "The file has no steps: add one such as 'at 0m for 30m: burst rate=800'."));
        }
        if (steps.size() > MAX_STEPS) {
            mistakes.add(new Mistake(0, "The file has " + steps.size() + " steps; at most " + MAX_STEPS + "."));
        }
        if (!mistakes.isEmpty()) {
            mistakes.sort(java.util.Comparator.comparingInt(Mistake::line));
            throw new Refused(mistakes);
        }
        return new Scenario(name, description, steps);
    }

    private static ScenarioStep step(int n, String line, List<Mistake> mistakes) {
        Matcher m = STEP.matcher(line);
        if (!m.matches()) {
            mistakes.add(new Mistake(n, "A step reads 'at <offset> for <duration>: <condition> key=value ...', "
                    + "for example 'at 10m for 30m: burst rate=800'."));
            return null;
        }
        int before = mistakes.size();
        long offset = seconds(n, "offset", m.group(1), true, mistakes);
        long duration = seconds(n, "duration", m.group(2), false, mistakes);
        if (mistakes.size() == before && offset + duration > MAX_SECONDS) {
            mistakes.add(new Mistake(n, "The step ends " + (offset + duration) / 60 + " minutes after the start; "
                    + "a scenario lasts at most 24 hours."));
        }
        String condition = m.group(3).toLowerCase(Locale.ROOT);
        Set<String> allowed = ALLOWED.get(condition);
        if (allowed == null) {
            mistakes.add(new Mistake(n, "Unknown condition '" + abbreviate(m.group(3)) + "'; one of "
                    + String.join(", ", Scenario.CONDITIONS) + "."));
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : m.group(4).strip().split("\\s+")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (eq <= 0 || eq == pair.length() - 1) {
                mistakes.add(new Mistake(n, "'" + abbreviate(pair) + "' is not key=value."));
            } else if (!allowed.contains(key)) {
                mistakes.add(new Mistake(n, condition + " takes " + String.join(", ", new java.util.TreeSet<>(allowed))
                        + "; not '" + abbreviate(key) + "'."));
            } else if (parameters.putIfAbsent(key, pair.substring(eq + 1)) != null) {
                mistakes.add(new Mistake(n, "'" + key + "' is given twice."));
            }
        }
        checkParameters(n, condition, parameters, mistakes);
        return mistakes.size() == before ? new ScenarioStep(offset, duration, condition, parameters) : null;
    }

    private static void checkParameters(int n, String condition, Map<String, String> p, List<Mistake> mistakes) {
        String ods = p.get("ods");
        if (ods != null && !ODS.matcher(ods).matches()) {
            mistakes.add(new Mistake(n, "ods must be an ODS code (3 to 9 capital letters and digits), not '"
                    + abbreviate(ods) + "'."));
        }
        String interaction = p.get("interaction");
        if (interaction != null && !INTERACTION.matcher(interaction).matches()) {
            mistakes.add(new Mistake(n, "interaction must be part of an interaction id, such as 'gp2gp' or "
                    + "'REPC_IN150016UK05', not '" + abbreviate(interaction) + "'."));
        }
        switch (condition) {
            case Scenario.ENDPOINT_FAILING -> {
                if (ods == null && interaction == null) {
                    mistakes.add(new Mistake(n, "endpoint-failing needs ods=, interaction= or both: which endpoints fail."));
                }
                String failure = p.get("failure");
                if (failure == null) {
                    mistakes.add(new Mistake(n, "endpoint-failing needs failure= (" + String.join(", ", Scenario.FAILURES) + ")."));
                } else if (!Scenario.FAILURES.contains(failure)) {
                    mistakes.add(new Mistake(n, "Unknown failure '" + abbreviate(failure) + "'; one of "
                            + String.join(", ", Scenario.FAILURES) + "."));
                }
            }
            case Scenario.CERTIFICATE_EXPIRED, Scenario.ORGANISATION_SILENT -> {
                if (ods == null) {
                    mistakes.add(new Mistake(n, condition + " needs ods=: whose."));
                }
            }
            case Scenario.DEAD_LETTERS -> {
                if (ods == null && interaction == null) {
                    mistakes.add(new Mistake(n, "dead-letters needs ods=, interaction= or both: whose messages."));
                }
            }
            case Scenario.MIGRATION_BLOCKED -> {
                String component = p.get("component");
                if (component == null) {
                    mistakes.add(new Mistake(n, "migration-blocked needs component=: which migration component, such as PDS."));
                } else if (!COMPONENT.matcher(component).matches()) {
                    mistakes.add(new Mistake(n, "component must be a migration component's code (a capital letter, then 1 to 19 "
                            + "capital letters, digits and hyphens, such as PDS), not '" + abbreviate(component) + "'."));
                }
            }
            default -> { // burst
                String rate = p.get("rate");
                Integer value = rate != null && rate.matches("\\d{1,5}") ? Integer.valueOf(rate) : null;
                if (value == null || value < 1 || value > MAX_RATE) {
                    mistakes.add(new Mistake(n, "burst needs rate= between 1 and " + MAX_RATE + " messages a second."));
                }
            }
        }
    }

    private static long seconds(int n, String what, String text, boolean zeroAllowed, List<Mistake> mistakes) {
        Matcher m = TIME.matcher(text);
        if (!m.matches()) {
            mistakes.add(new Mistake(n, "The " + what + " '" + abbreviate(text) + "' is not a time such as 90s, 10m or 2h."));
            return 0;
        }
        long value = Long.parseLong(m.group(1)) * switch (m.group(2)) {
            case "s" -> 1;
            case "m" -> 60;
            default -> 3600;
        };
        if (value == 0 && !zeroAllowed) {
            mistakes.add(new Mistake(n, "The duration must be more than nothing."));
        }
        return value;
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
