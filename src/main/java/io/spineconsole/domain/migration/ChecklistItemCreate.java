package io.spineconsole.domain.migration;

/** A new checklist item (not done). */
public record ChecklistItemCreate(String key, String title, String owner) {
}
