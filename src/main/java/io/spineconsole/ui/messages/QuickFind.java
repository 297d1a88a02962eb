package io.spineconsole.ui.messages;

import io.spineconsole.domain.Identifiers;
import io.spineconsole.ui.common.ConsoleLink;
import io.spineconsole.ui.common.I18n;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The find box: whatever is pasted or typed goes where it belongs. A message id opens that message
 * and a console link opens what it names, at once; an ASID, party key, interaction id or ODS code
 * goes into its filter and searches; anything else is refused with a sentence and kept to be
 * corrected.
 */
public final class QuickFind {

    /** What the find box did with its text. */
    enum Outcome { OPENED_MESSAGE, OPENED_LINK, FILTERED, SEARCHED, NOT_UNDERSTOOD }

    private final I18n i18n;
    private final SearchForm form;
    private final Runnable search;
    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty problem = new SimpleStringProperty("");
    private Consumer<UUID> openMessage = id -> { };
    private Consumer<ConsoleLink> openLink = link -> { };

    /** @param search runs the search as the form stands */
    QuickFind(I18n i18n, SearchForm form, Runnable search) {
        this.i18n = i18n;
        this.form = form;
        this.search = search;
        text.addListener((o, a, b) -> problem.set(""));
    }

    /** Where opened messages and links go (the workspace decides). */
    void setNavigation(Consumer<UUID> newOpenMessage, Consumer<ConsoleLink> newOpenLink) {
        this.openMessage = newOpenMessage;
        this.openLink = newOpenLink;
    }

    /** Called as the text changes: a complete message id or console link goes straight to what it names, without Enter. */
    public void changed() {
        String t = current();
        if (SearchForm.isUuid(t) || ConsoleLink.parse(t).isPresent()) {
            submit();
        }
    }

    /** Enter in the find box: opens, filters or searches, by what the text is. */
    public Outcome submit() {
        String t = current();
        if (t.isEmpty()) {
            search.run();
            return Outcome.SEARCHED;
        }
        Optional<ConsoleLink> link = ConsoleLink.parse(t);
        if (link.isPresent()) {
            text.set("");
            openLink.accept(link.get());
            return Outcome.OPENED_LINK;
        }
        if (SearchForm.isUuid(t)) {
            text.set("");
            openMessage.accept(UUID.fromString(t));
            return Outcome.OPENED_MESSAGE;
        }
        String up = t.toUpperCase(Locale.ROOT);
        if (Identifiers.checkAsid(t).isEmpty()) {
            form.asid().valueProperty().set(t);
        } else if (Identifiers.checkPartyKey(up).isEmpty()) {
            form.partyKey().valueProperty().set(up);
        } else if (Identifiers.checkInteractionId(t).isEmpty()) {
            form.interaction().valueProperty().set(t);
        } else if (Identifiers.checkOdsCode(up).isEmpty()) {
            form.ods().valueProperty().set(up);
        } else {
            problem.set(i18n.get("messages.find.notUnderstood"));
            return Outcome.NOT_UNDERSTOOD;
        }
        text.set("");
        search.run();
        return Outcome.FILTERED;
    }

    private String current() {
        return text.get() == null ? "" : text.get().strip();
    }

    /** The text in the box. */
    public StringProperty textProperty() {
        return text;
    }

    /** Why the text could not be used, or "". */
    public StringProperty problemProperty() {
        return problem;
    }
}
