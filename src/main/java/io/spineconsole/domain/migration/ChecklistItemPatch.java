package io.spineconsole.domain.migration;

/**
 * A partial change to a checklist item: a null member is left unchanged; a blank {@code owner}
 * or {@code evidence} is cleared.
 */
public record ChecklistItemPatch(String title, String owner, Boolean done, String evidence) {
}
