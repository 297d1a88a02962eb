package io.spineconsole.domain.tokens;

/** A token just issued, with its secret: shown in this answer only. */
public record TokenCreated(Token token, String secret) {
}
