package io.spineconsole.ui.admin;

import io.spineconsole.api.ApiException;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.tokens.Token;
import io.spineconsole.domain.tokens.TokenCreate;
import io.spineconsole.domain.tokens.TokenCreated;
import io.spineconsole.ui.common.Confirmation;
import io.spineconsole.ui.common.ErrorText;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.LoadState;
import io.spineconsole.ui.common.UiExecutor;
import io.spineconsole.ui.common.WorkspaceContext;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Token administration for admins: the tokens (with revoked and expired ones when asked), issuing
 * one (its secret kept here until the admin has copied it and dismissed it, never fetched again),
 * setting an expiry and revoking with a reason. Each change goes through a {@link Confirmation}
 * (on LIVE, revoking and issuing an admin token ask for the environment's name). The server decides
 * who may; a viewer or operator is never shown this screen.
 */
public final class TokensViewModel {
    /** The most tokens one page shows; an admin with more narrows by showing live ones only. */
    static final int PAGE = 500;

    private final UiExecutor ui;
    private final I18n i18n;
    private final Clock clock;
    private final ZoneId zone;
    private final ObservableList<Token> tokens = FXCollections.observableArrayList();
    private final BooleanProperty includeRevoked = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<LoadState> state = new ReadOnlyObjectWrapper<>(LoadState.IDLE);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<TokenCreated> issued = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Token> selected = new SimpleObjectProperty<>();
    private WorkspaceContext context;
    private CompletableFuture<?> loading;
    private boolean loadFailed;

    public TokensViewModel(UiExecutor ui, I18n i18n, Clock clock, ZoneId zone) {
        this.ui = ui;
        this.i18n = i18n;
        this.clock = clock;
        this.zone = zone;
        includeRevoked.addListener((o, a, b) -> load());
    }

    /** Whether the signed-in person may see this screen at all (the server refuses others anyway). */
    public boolean available() {
        return context != null && context.may(Role.ADMIN);
    }

    public void connect(WorkspaceContext value) {
        this.context = value;
        tokens.clear();
        issued.set(null);
        error.set("");
        notice.set("");
        if (available()) {
            load();
        } else {
            state.set(LoadState.IDLE);
        }
    }

    public void dispose() {
        if (loading != null) {
            loading.cancel(true);
        }
        context = null;
    }

    /** Reads the tokens again; what the admin typed elsewhere on the screen is untouched. */
    public void load() {
        if (!available()) {
            return;
        }
        if (loading != null) {
            loading.cancel(true);
        }
        state.set(LoadState.LOADING);
        Long keep = selected.get() == null ? null : selected.get().id();
        loading = ui.deliver(context.api().tokens().list(null, includeRevoked.get(), PAGE, null), page -> {
            tokens.setAll(page.items());
            state.set(page.items().isEmpty() ? LoadState.EMPTY : LoadState.LOADED);
            if (loadFailed) { // a refused change stays said after the reload it causes
                error.set("");
                loadFailed = false;
            }
            selected.set(keep == null ? null : tokens.stream().filter(t -> t.id() == keep).findFirst().orElse(null));
        }, failure -> {
            state.set(LoadState.FAILED);
            loadFailed = true;
            error.set(ErrorText.sentence(i18n, failure));
        });
    }

    // ---- issuing -------------------------------------------------------------------------------

    /**
     * What is wrong with an issue form as typed, in a sentence; empty when it may be sent.
     *
     * @param expires a day, or null for a token that never expires
     */
    public Optional<String> checkIssue(String name, String owner, Role role, LocalDate expires) {
        if (name == null || name.isBlank()) {
            return Optional.of(i18n.get("admin.tokens.issue.nameRequired"));
        }
        if (name.strip().length() > 100) {
            return Optional.of(i18n.get("admin.tokens.issue.nameTooLong"));
        }
        if (owner == null || owner.isBlank()) {
            return Optional.of(i18n.get("admin.tokens.issue.ownerRequired"));
        }
        if (owner.strip().length() > 200) {
            return Optional.of(i18n.get("admin.tokens.issue.ownerTooLong"));
        }
        if (role == null) {
            return Optional.of(i18n.get("admin.tokens.issue.roleRequired"));
        }
        if (expires != null && !expiryInstant(expires).isAfter(clock.instant())) {
            return Optional.of(i18n.get("admin.tokens.expiryInPast"));
        }
        return Optional.empty();
    }

    /** Asks before issuing; an admin token on LIVE needs the environment's name typed. */
    public Confirmation issueConfirmation(String name, String owner, Role role) {
        return Confirmation.of(context, i18n.get("admin.tokens.issue.title"),
                i18n.get("admin.tokens.issue.confirm", name.strip(), owner.strip(), i18n.get("role." + role.code())),
                i18n.get("admin.tokens.issue.action"), role == Role.ADMIN, false);
    }

    /** Issues the token; on success its secret is {@link #issuedProperty() held} until dismissed. */
    public CompletableFuture<TokenCreated> issue(String name, String owner, Role role, LocalDate expires,
                                                 String reason) {
        Optional<String> wrong = checkIssue(name, owner, role, expires);
        if (wrong.isPresent()) {
            error.set(wrong.get());
            return CompletableFuture.failedFuture(new IllegalArgumentException(wrong.get()));
        }
        TokenCreate request = new TokenCreate(name.strip(), owner.strip(), role,
                expires == null ? null : expiryInstant(expires), reason == null || reason.isBlank() ? null : reason.strip());
        return ui.deliver(context.api().tokens().create(request), created -> {
            issued.set(created);
            error.set("");
            notice.set(i18n.get("admin.tokens.issued", created.token().name()));
            load();
        }, this::failed);
    }

    /** The admin has stored the secret: it is forgotten, and no way shows it again. */
    public void dismissSecret() {
        issued.set(null);
    }

    // ---- expiry and revoking -------------------------------------------------------------------

    public Confirmation expiryConfirmation(Token token, LocalDate expires) {
        String when = expires == null ? i18n.get("admin.tokens.never") : expires.toString();
        return Confirmation.of(context, i18n.get("admin.tokens.expiry.title"),
                i18n.get("admin.tokens.expiry.confirm", token.name(), when), i18n.get("admin.tokens.expiry.action"),
                false, true);
    }

    public CompletableFuture<Token> setExpiry(Token token, LocalDate expires, String reason) {
        if (expires != null && !expiryInstant(expires).isAfter(clock.instant())) {
            error.set(i18n.get("admin.tokens.expiryInPast"));
            return CompletableFuture.failedFuture(new IllegalArgumentException(error.get()));
        }
        return ui.deliver(context.api().tokens().setExpiry(token.id(), expires == null ? null : expiryInstant(expires),
                reason, token.version()), changed -> changed(i18n.get("admin.tokens.expirySet", changed.name())), this::failed);
    }

    public Confirmation revokeConfirmation(Token token) {
        return Confirmation.of(context, i18n.get("admin.tokens.revoke.title"),
                i18n.get("admin.tokens.revoke.confirm", token.name(), owner(token)),
                i18n.get("admin.tokens.revoke.action"), true, true);
    }

    public CompletableFuture<Token> revoke(Token token, String reason) {
        return ui.deliver(context.api().tokens().revoke(token.id(), reason, token.version()),
                changed -> changed(i18n.get("admin.tokens.revoked", changed.name())), this::failed);
    }

    /** Whether a token can still be changed (not revoked). */
    public static boolean changeable(Token token) {
        return token != null && token.revokedAt() == null;
    }

    private void changed(String said) {
        error.set("");
        notice.set(said);
        load();
    }

    private void failed(Throwable failure) {
        ApiException api = ApiException.unwrap(failure);
        error.set(ErrorText.sentence(i18n, failure));
        if (api != null && api.isStale()) {
            load(); // someone else changed it: show what it is now
        }
    }

    // ---- what a row says -----------------------------------------------------------------------

    /** The token's state in a word: active, expired or revoked. */
    public String status(Token token) {
        if (token.revokedAt() != null) {
            return i18n.get("admin.tokens.status.revoked");
        }
        if (token.expiresAt() != null && !token.expiresAt().isAfter(clock.instant())) {
            return i18n.get("admin.tokens.status.expired");
        }
        return i18n.get("admin.tokens.status.active");
    }

    public String owner(Token token) {
        return token.owner() == null ? i18n.get("admin.tokens.noOwner") : token.owner();
    }

    /** A token expires at the end of the chosen day, in the console's time zone. */
    Instant expiryInstant(LocalDate day) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public ObservableList<Token> tokens() {
        return tokens;
    }

    public List<Token> snapshot() {
        return List.copyOf(tokens);
    }

    public BooleanProperty includeRevokedProperty() {
        return includeRevoked;
    }

    public ObjectProperty<Token> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<LoadState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The token just issued with its secret, until {@link #dismissSecret()}; null otherwise. */
    public ReadOnlyObjectProperty<TokenCreated> issuedProperty() {
        return issued.getReadOnlyProperty();
    }
}
