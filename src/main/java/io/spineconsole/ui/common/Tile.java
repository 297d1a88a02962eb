package io.spineconsole.ui.common;

/**
 * One headline number on a workspace: a label, the value as text, an optional caption, and a
 * severity style ("ok", "warning", "danger" or "" for neutral) that is never the only signal.
 */
public record Tile(String label, String value, String caption, String severity) {
}
