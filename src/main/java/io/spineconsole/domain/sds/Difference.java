package io.spineconsole.domain.sds;

import java.util.List;

/**
 * One field that disagrees: our value and SDS's, each as its side writes it (null when that side
 * has none). For {@link DriftField#INTERACTIONS} the lists say which interactions only one side
 * has; the two values are then null.
 */
public record Difference(DriftField field, String ours, String published, List<String> onlyHere,
                         List<String> onlyInSds) {
    public Difference {
        onlyHere = onlyHere == null ? List.of() : List.copyOf(onlyHere);
        onlyInSds = onlyInSds == null ? List.of() : List.copyOf(onlyInSds);
    }

    public static Difference of(DriftField field, String ours, String published) {
        return new Difference(field, ours, published, List.of(), List.of());
    }

    public static Difference interactions(List<String> onlyHere, List<String> onlyInSds) {
        return new Difference(DriftField.INTERACTIONS, null, null, onlyHere, onlyInSds);
    }
}
