package io.spineconsole.settings;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything in the settings file: connection profiles (the backbone's, and the Spine Directory
 * Service's) and preferences. Immutable; "with" methods copy.
 */
public record Settings(int schemaVersion, List<ConnectionProfile> profiles, Preferences preferences,
                       List<SdsConnectionProfile> sdsProfiles) {
    public static final int CURRENT_SCHEMA = 1;

    @JsonCreator
    public Settings {
        profiles = withSandboxFirst(profiles == null ? List.of() : profiles);
        preferences = preferences == null ? Preferences.defaults() : preferences;
        sdsProfiles = sdsProfiles == null ? List.of() : List.copyOf(sdsProfiles);
    }

    /** Settings without SDS connections. */
    public Settings(int schemaVersion, List<ConnectionProfile> profiles, Preferences preferences) {
        this(schemaVersion, profiles, preferences, List.of());
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
        return new Settings(schemaVersion, profiles, value, sdsProfiles);
    }

    /** Adds the profile, or replaces the one with the same id. The sandbox profile cannot be changed. */
    public Settings withProfile(ConnectionProfile profile) {
        if (profile.isSandbox()) {
            throw new IllegalArgumentException("The Sandbox profile cannot be changed.");
        }
        List<ConnectionProfile> out = new ArrayList<>(profiles);
        out.removeIf(p -> p.id().equals(profile.id()));
        out.add(profile);
        return new Settings(schemaVersion, out, preferences, sdsProfiles);
    }

    public Settings withoutProfile(String id) {
        if (ConnectionProfile.SANDBOX_ID.equals(id)) {
            throw new IllegalArgumentException("The Sandbox profile cannot be removed.");
        }
        List<ConnectionProfile> out = new ArrayList<>(profiles);
        out.removeIf(p -> p.id().equals(id));
        Preferences prefs = id.equals(preferences.activeProfileId())
                ? preferences.withActiveProfileId(ConnectionProfile.SANDBOX_ID) : preferences;
        return new Settings(schemaVersion, out, prefs, sdsProfiles);
    }

    public Optional<SdsConnectionProfile> sdsProfile(String id) {
        return sdsProfiles.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** Adds the SDS connection, or replaces the one with the same id. */
    public Settings withSdsProfile(SdsConnectionProfile profile) {
        List<SdsConnectionProfile> out = new ArrayList<>(sdsProfiles);
        out.removeIf(p -> p.id().equals(profile.id()));
        out.add(profile);
        return new Settings(schemaVersion, profiles, preferences, out);
    }

    public Settings withoutSdsProfile(String id) {
        List<SdsConnectionProfile> out = new ArrayList<>(sdsProfiles);
        out.removeIf(p -> p.id().equals(id));
        return new Settings(schemaVersion, profiles, preferences, out);
    }
}
