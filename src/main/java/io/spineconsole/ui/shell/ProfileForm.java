package io.spineconsole.ui.shell;

import io.spineconsole.settings.ConnectionProfile;
import io.spineconsole.settings.EnvironmentKind;
import io.spineconsole.ui.common.I18n;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The editable fields of one remote connection profile, with validation as you type. The token
 * field is never filled from storage: left blank, the stored token is kept.
 */
public final class ProfileForm {
    private final I18n i18n;
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<EnvironmentKind> kind = new SimpleObjectProperty<>(EnvironmentKind.INT);
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty token = new SimpleStringProperty("");
    private String editingId;

    public ProfileForm(I18n i18n) {
        this.i18n = i18n;
    }

    public void edit(ConnectionProfile profile) {
        editingId = profile == null ? null : profile.id();
        name.set(profile == null ? "" : profile.name());
        kind.set(profile == null ? EnvironmentKind.INT : profile.kind());
        url.set(profile == null || profile.url() == null ? "" : profile.url());
        token.set("");
    }

    /** Field name → problem, for every field that is wrong now. Empty when the form can be saved. */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (name.get().isBlank()) {
            problems.put("name", i18n.get("profiles.error.nameRequired"));
        }
        if (kind.get() == null || kind.get() == EnvironmentKind.SANDBOX) {
            problems.put("kind", i18n.get("profiles.error.kindRequired"));
        }
        String text = url.get().trim();
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (text.isEmpty()) {
                problems.put("url", i18n.get("profiles.error.urlRequired"));
            } else if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
                problems.put("url", i18n.get("profiles.error.urlFormat"));
            } else if (!scheme.equals("https") && kind.get() != null && kind.get() != EnvironmentKind.SANDBOX
                    && !isLoopback(uri.getHost())) {
                problems.put("url", i18n.get("profiles.error.httpsRequired"));
            }
        } catch (URISyntaxException e) {
            problems.put("url", i18n.get("profiles.error.urlFormat"));
        }
        return problems;
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
    }

    /** The profile as typed; call only when {@link #problems()} is empty. */
    public ConnectionProfile toProfile() {
        String cleanUrl = url.get().trim().replaceAll("/+$", "");
        return editingId == null
                ? ConnectionProfile.remote(name.get().trim(), kind.get(), cleanUrl)
                : new ConnectionProfile(editingId, name.get().trim(), kind.get(), cleanUrl);
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<EnvironmentKind> kindProperty() {
        return kind;
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty tokenProperty() {
        return token;
    }

    public boolean isNew() {
        return editingId == null;
    }
}
