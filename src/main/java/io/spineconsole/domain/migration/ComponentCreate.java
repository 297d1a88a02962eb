package io.spineconsole.domain.migration;

import java.util.List;

/** A new component; it starts {@code planned}. */
public record ComponentCreate(String code, String name, String description, String owner, Integer wave,
                              List<String> hostedAt, List<String> dependsOn) {
}
