package io.spineconsole.ui.shell;

import io.spineconsole.settings.ConnectionProfile;
import io.spineconsole.platform.KeyStoreFiles;
import io.spineconsole.platform.KeyStoreFiles.KeyStoreFileException;
import io.spineconsole.settings.EnvironmentKind;
import io.spineconsole.settings.SecretStore.Secret;
import io.spineconsole.ui.common.I18n;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The editable fields of one remote connection profile, with validation as you type. The token
 * and password fields are never filled from storage: left blank, the stored value is kept.
 *
 * <p>TLS: an optional trust store (PEM, PKCS#12 or JKS: the CAs to trust for this server instead
 * of the system's) and an optional PKCS#12 client certificate for mutual TLS, each with its
 * password. Whether the files exist and the passwords open them is checked by
 * {@link #fileProblems}, which reads files and so runs off the UI thread.
 */
public final class ProfileForm {
    private final I18n i18n;
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<EnvironmentKind> kind = new SimpleObjectProperty<>(EnvironmentKind.INT);
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty token = new SimpleStringProperty("");
    private final StringProperty trustStore = new SimpleStringProperty("");
    private final StringProperty trustStorePassword = new SimpleStringProperty("");
    private final StringProperty clientCertificate = new SimpleStringProperty("");
    private final StringProperty clientCertificatePassword = new SimpleStringProperty("");
    private final StringProperty ssoIssuer = new SimpleStringProperty("");
    private final StringProperty ssoClientId = new SimpleStringProperty("");
    private String editingId;

    /** The profile as typed, with the secrets typed for it (blank ones left out: the stored value is kept). */
    public record Draft(ConnectionProfile profile, Map<Secret, String> typedSecrets, boolean isNew) {
        public Draft {
            typedSecrets = Map.copyOf(typedSecrets);
        }
    }

    public ProfileForm(I18n i18n) {
        this.i18n = i18n;
    }

    public void edit(ConnectionProfile profile) {
        editingId = profile == null ? null : profile.id();
        name.set(profile == null ? "" : profile.name());
        kind.set(profile == null ? EnvironmentKind.INT : profile.kind());
        url.set(profile == null || profile.url() == null ? "" : profile.url());
        trustStore.set(profile == null || profile.trustStore() == null ? "" : profile.trustStore());
        clientCertificate.set(profile == null || profile.clientCertificate() == null ? "" : profile.clientCertificate());
        ssoIssuer.set(profile == null || profile.ssoIssuer() == null ? "" : profile.ssoIssuer());
        ssoClientId.set(profile == null || profile.ssoClientId() == null ? "" : profile.ssoClientId());
        token.set("");
        trustStorePassword.set("");
        clientCertificatePassword.set("");
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
        singleSignOnProblems(problems);
        if (!text.toLowerCase(Locale.ROOT).startsWith("https:")) {
            if (!trustStore.get().isBlank()) {
                problems.put("trustStore", i18n.get("profiles.error.tlsNeedsHttps"));
            }
            if (!clientCertificate.get().isBlank()) {
                problems.put("clientCertificate", i18n.get("profiles.error.tlsNeedsHttps"));
            }
        }
        return problems;
    }

    /** The issuer is an https URL (http only on this machine), and has a client id beside it. */
    private void singleSignOnProblems(Map<String, String> problems) {
        String issuer = ssoIssuer.get().trim();
        if (issuer.isEmpty()) {
            return;
        }
        try {
            URI uri = new URI(issuer);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || !scheme.equals("https") && !(scheme.equals("http") && isLoopback(uri.getHost()))) {
                problems.put("ssoIssuer", i18n.get("profiles.error.ssoIssuer"));
            }
        } catch (URISyntaxException e) {
            problems.put("ssoIssuer", i18n.get("profiles.error.ssoIssuer"));
        }
        if (ssoClientId.get().isBlank()) {
            problems.put("ssoClientId", i18n.get("profiles.error.ssoClientId"));
        }
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
    }

    /** The profile as typed; call only when {@link #problems()} is empty. */
    public ConnectionProfile toProfile() {
        String cleanUrl = url.get().trim().replaceAll("/+$", "");
        ConnectionProfile plain = editingId == null
                ? ConnectionProfile.remote(name.get().trim(), kind.get(), cleanUrl)
                : new ConnectionProfile(editingId, name.get().trim(), kind.get(), cleanUrl);
        return plain.withTls(trustStore.get(), clientCertificate.get())
                .withSingleSignOn(ssoIssuer.get().trim().replaceAll("/+$", ""), ssoClientId.get().trim());
    }

    /** A snapshot of the form to check and save off the UI thread; call only when {@link #problems()} is empty. */
    public Draft draft() {
        Map<Secret, String> secrets = new EnumMap<>(Secret.class);
        putIfTyped(secrets, Secret.TOKEN, token.get());
        putIfTyped(secrets, Secret.TRUST_STORE_PASSWORD, trustStorePassword.get());
        putIfTyped(secrets, Secret.CLIENT_CERTIFICATE_PASSWORD, clientCertificatePassword.get());
        return new Draft(toProfile(), secrets, isNew());
    }

    private static void putIfTyped(Map<Secret, String> secrets, Secret secret, String value) {
        if (value != null && !value.isBlank()) {
            secrets.put(secret, value.trim());
        }
    }

    /**
     * Opens the draft's trust store and client certificate as the client will: field name
     * ({@code trustStore}, {@code clientCertificate}) → problem, for each that cannot be used.
     * A password left blank is taken from {@code stored}. Reads files: call off the UI thread.
     */
    public Map<String, String> fileProblems(Draft draft, Function<Secret, Optional<String>> stored) {
        Map<String, String> problems = new LinkedHashMap<>();
        ConnectionProfile p = draft.profile();
        if (p.trustStore() != null) {
            try {
                KeyStoreFiles.loadTrustStore(Path.of(p.trustStore()), password(draft, Secret.TRUST_STORE_PASSWORD, stored));
            } catch (KeyStoreFileException e) {
                problems.put("trustStore", fileProblem(e, false));
            } catch (InvalidPathException e) {
                problems.put("trustStore", i18n.get("profiles.error.fileNotFound"));
            }
        }
        if (p.clientCertificate() != null) {
            try {
                KeyStoreFiles.loadClientCertificate(Path.of(p.clientCertificate()),
                        password(draft, Secret.CLIENT_CERTIFICATE_PASSWORD, stored));
            } catch (KeyStoreFileException e) {
                problems.put("clientCertificate", fileProblem(e, true));
            } catch (InvalidPathException e) {
                problems.put("clientCertificate", i18n.get("profiles.error.fileNotFound"));
            }
        }
        return problems;
    }

    private static char[] password(Draft draft, Secret secret, Function<Secret, Optional<String>> stored) {
        String typed = draft.typedSecrets().get(secret);
        String value = typed != null ? typed : draft.isNew() ? null : stored.apply(secret).orElse(null);
        return value == null ? null : value.toCharArray();
    }

    private String fileProblem(KeyStoreFileException e, boolean clientCertificate) {
        return switch (e.problem()) {
            case NOT_FOUND -> i18n.get("profiles.error.fileNotFound");
            case NOT_READABLE -> i18n.get("profiles.error.fileNotReadable");
            case WRONG_PASSWORD -> i18n.get("profiles.error.wrongPassword");
            case NOT_A_KEY_STORE -> clientCertificate ? i18n.get("profiles.error.notPkcs12")
                    : i18n.get("profiles.error.notTrustStore");
            case NO_CERTIFICATES -> i18n.get("profiles.error.noCertificates");
            case NO_PRIVATE_KEY -> i18n.get("profiles.error.noPrivateKey");
        };
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

    public StringProperty trustStoreProperty() {
        return trustStore;
    }

    public StringProperty trustStorePasswordProperty() {
        return trustStorePassword;
    }

    public StringProperty clientCertificateProperty() {
        return clientCertificate;
    }

    public StringProperty clientCertificatePasswordProperty() {
        return clientCertificatePassword;
    }

    public StringProperty ssoIssuerProperty() {
        return ssoIssuer;
    }

    public StringProperty ssoClientIdProperty() {
        return ssoClientId;
    }

    public boolean isNew() {
        return editingId == null;
    }
}
