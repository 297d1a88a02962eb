package io.spineconsole.domain.messages;

import java.util.List;
import java.util.UUID;

/** A message payload, pretty-printed and always masked; {@code maskedFields} say where. */
public record MessagePayload(UUID messageId, String contentType, long sizeBytes, String bodyEncoding, String body,
                             boolean truncated, boolean masked, List<String> maskedFields, String maskingNote) {
    public MessagePayload {
        maskedFields = List.copyOf(maskedFields);
    }
}
