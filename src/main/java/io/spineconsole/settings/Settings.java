package io.spineconsole.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Everything in the settings file: connection profiles and preferences. Immutable; "with" methods copy. */
public record Settings(int schemaVersion, List<ConnectionProfile> profiles, Preferences preferences) {
    public static final int CURRENT_SCHEMA = 1;

    public Settings {
        profiles = withSandboxFirst(profiles == null ? List.of() : profiles);
        preferences = preferences == null ? Preferences.defaults() : preferences;
    }

    public static Settings defaults() {
        return new Settings(CURRENT_SCHEMA, List.of(), Preferences.defaults());
    }

    /** The Sandbox profile is always there and always first, whatever the file says. */
    private static List<ConnectionProfile> withSandboxFirst(List<ConnectionProfile> profiles) {
        List<ConnectionProfile> out = new ArrayList<>();
        out.add(ConnectionProfile.sandbox());
        profiles.stream().filter(p -> !p.isSandbox()).forEach(out::add);
        return List.copyOf(out);
    }

    public Optional<ConnectionProfile> profile(String id) {
        return profiles.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The profile to connect to: the remembered one, or the sandbox if it has gone. */
    public ConnectionProfile activeProfile() {
        return profile(preferences.activeProfileId()).orElse(profiles.get(0));
    }

    public Settings withPreferences(Preferences value) {
        return new Settings(schemaVersion, profiles, value);
    }

    /** Adds the profile, or replaces the one with the same id. The sandbox profile cannot be changed. */
    public Settings withProfile(ConnectionProfile profile) {
        if (profile.isSandbox()) {
            throw new IllegalArgumentException("The Sandbox profile cannot be changed.");
        }
        List<ConnectionProfile> out = new ArrayList<>(profiles);
        out.removeIf(p -> p.id().equals(profile.id()));
        out.add(profile);
        return new Settings(schemaVersion, out, preferences);
    }

    public Settings withoutProfile(String id) {
        if (ConnectionProfile.SANDBOX_ID.equals(id)) {
            throw new IllegalArgumentException("The Sandbox profile cannot be removed.");
        }
        List<ConnectionProfile> out = new ArrayList<>(profiles);
        out.removeIf(p -> p.id().equals(id));
        Preferences prefs = id.equals(preferences.activeProfileId())
                ? preferences.withActiveProfileId(ConnectionProfile.SANDBOX_ID) : preferences;
        return new Settings(schemaVersion, out, prefs);
    }
}
