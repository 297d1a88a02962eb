package io.spineconsole.ui.registrations;

import io.spineconsole.domain.registrations.ImportReport;
import io.spineconsole.ui.common.I18n;

import java.util.stream.Collectors;

/** The organisations an import needs that are not registered, in one sentence after the preview's counts. */
final class MissingOwnersText {
    private MissingOwnersText() {
    }

    /** An empty string when every owner is registered; otherwise a sentence starting with a space. */
    static String of(I18n i18n, ImportReport report) {
        if (report.missingOwners().isEmpty()) {
            return "";
        }
        String list = report.missingOwners().stream()
                .map(o -> i18n.get("registrations.import.missingOwner", o.odsCode(), o.name(),
                        o.entries().stream().map(i -> String.valueOf(i + 1)).collect(Collectors.joining(", "))))
                .collect(Collectors.joining("; "));
        boolean registered = report.missingOwners().get(0).registered();
        return " " + i18n.get(registered ? "registrations.import.ownersRegistered" : "registrations.import.ownersMissing",
                report.missingOwners().size(), list);
    }
}
