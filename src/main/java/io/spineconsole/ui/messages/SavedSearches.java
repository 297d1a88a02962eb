package io.spineconsole.ui.messages;

import io.spineconsole.ui.common.ConsoleLink;
import io.spineconsole.ui.common.ViewMemory;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Searches kept under a name, per environment (each connection profile has its own), as the links
 * that reopen them; newest first, remembered between runs.
 */
public final class SavedSearches {

    /** A search kept under a name, as the link that reopens it. */
    public record SavedSearch(String name, ConsoleLink link) {
        @Override
        public String toString() {
            return name;
        }
    }

    private final ViewMemory memory;
    private final Supplier<ConsoleLink> current;
    private final Consumer<ConsoleLink> open;
    private final ObservableList<SavedSearch> list = FXCollections.observableArrayList();
    private String profileId;

    /**
     * @param current the search as it stands, as a link (what "save" keeps)
     * @param open    runs a saved search's link
     */
    SavedSearches(ViewMemory memory, Supplier<ConsoleLink> current, Consumer<ConsoleLink> open) {
        this.memory = memory;
        this.current = current;
        this.open = open;
    }

    /** Shows the searches saved for the environment of {@code newProfileId}. */
    void load(String newProfileId) {
        profileId = newProfileId;
        list.clear();
        memory.recall(key()).ifPresent(lines -> {
            for (String line : lines.split("\n")) {
                int tab = line.indexOf('\t');
                if (tab <= 0) {
                    continue;
                }
                String name = URLDecoder.decode(line.substring(0, tab), StandardCharsets.UTF_8);
                ConsoleLink.parse(line.substring(tab + 1)).ifPresent(link -> list.add(new SavedSearch(name, link)));
            }
        });
    }

    /** Saves the current search under {@code name} (a name used before, in any case, is replaced); false when blank. */
    public boolean saveAs(String name) {
        String clean = name == null ? "" : name.replaceAll("[\\t\\r\\n]", " ").strip();
        if (clean.isEmpty()) {
            return false;
        }
        list.removeIf(s -> s.name().equalsIgnoreCase(clean));
        list.add(0, new SavedSearch(clean, current.get()));
        store();
        return true;
    }

    public void delete(SavedSearch s) {
        list.remove(s);
        store();
    }

    /** Runs a saved search. */
    public void open(SavedSearch s) {
        open.accept(s.link());
    }

    public ObservableList<SavedSearch> list() {
        return list;
    }

    private void store() {
        String lines = list.stream()
                .map(s -> URLEncoder.encode(s.name(), StandardCharsets.UTF_8) + "\t" + s.link())
                .collect(Collectors.joining("\n"));
        memory.remember(key(), lines.isEmpty() ? null : lines);
    }

    private String key() {
        return "messages.savedSearches." + profileId;
    }
}
