package io.spineconsole.domain.migration;

import java.util.List;

/** The editable members of a component; a null {@code hostedAt} or {@code dependsOn} leaves it unchanged. */
public record ComponentUpdate(String name, String description, String owner, Integer wave,
                              List<String> hostedAt, List<String> dependsOn) {
}
