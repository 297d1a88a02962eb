package io.spineconsole.domain.messages;

/**
 * A governed export written to its file: how many bytes, and whether the row cap cut it short (the
 * search matched more than the file holds; the file ends with a line that says so).
 */
public record ExportResult(long bytes, boolean truncated) {
}
