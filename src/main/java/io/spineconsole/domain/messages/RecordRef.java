package io.spineconsole.domain.messages;

/** A registration (or other record) to jump to: {@code type} is e.g. {@code endpoint}, {@code organisation}. */
public record RecordRef(String type, String id) {
}
