package io.spineconsole.sandbox.registrations.transfer;

import io.spineconsole.domain.Identifiers;
import io.spineconsole.domain.registrations.FieldIssue;
import io.spineconsole.domain.sds.SdsValues;
import io.spineconsole.sandbox.outcome.RuleWords;

import java.util.ArrayList;
import java.util.List;

/**
 * Where real extracts are untidy but mean something clear, the import takes what they mean and says what it
 * changed, instead of refusing the record. Host names ignore case and a trailing dot names the same host
 * (RFC 4343, RFC 1034): they are written in lower case without it ({@code HOST_NORMALISED}). An interaction
 * with stray separators or white space around it is cleaned ({@code INTERACTION_CLEANED}); one that is still
 * not an interaction ID is set aside, and the rest of the list imported ({@code INTERACTION_SET_ASIDE}).
 * What is really broken (an ASID, a party key, a URL that is not https) is left for the record rules to refuse.
 */
final class ImportLeniency {
    static final String HOST_NORMALISED = "HOST_NORMALISED";
    static final String INTERACTION_CLEANED = "INTERACTION_CLEANED";
    static final String INTERACTION_SET_ASIDE = "INTERACTION_SET_ASIDE";

    private ImportLeniency() {
    }

    /** The FQDN in lower case without a trailing dot, with a warning on {@code /fqdn} when that changed it. */
    static String fqdn(String fqdn, List<FieldIssue> warnings) {
        String normal = SdsValues.normaliseHost(fqdn);
        if (fqdn != null && !fqdn.equals(normal) && !normal.isEmpty()) {
            warnings.add(new FieldIssue("/fqdn", HOST_NORMALISED, "FQDN " + fqdn + " was written as " + normal
                    + " (host names ignore case; a trailing dot names the same host)."));
            return normal;
        }
        return fqdn;
    }

    /** The URL with its host in lower case and without a trailing dot, with a warning on {@code /url} when that changed it. */
    static String url(String url, List<FieldIssue> warnings) {
        String normal = url(url);
        if (url != null && !url.equals(normal)) {
            warnings.add(new FieldIssue("/url", HOST_NORMALISED, "The host of URL " + url + " was written as "
                    + SdsValues.normaliseHost(host(url)) + " (host names ignore case; a trailing dot names the same host)."));
        }
        return normal;
    }

    /** The URL with its host normalised; text without a host (not a URL) is left as it is. */
    static String url(String url) {
        String host = host(url);
        if (host == null || host.isEmpty()) {
            return url;
        }
        int start = url.indexOf("://") + 3;
        String normal = SdsValues.normaliseHost(host);
        return normal.isEmpty() ? url : url.substring(0, start) + normal + url.substring(start + host.length());
    }

    /**
     * The interactions that are interaction IDs, cleaned where only stray separators or white space were wrong,
     * in their order; each value cleaned or set aside has a warning at its place in the list as given.
     */
    static List<String> interactions(List<String> interactions, List<FieldIssue> warnings) {
        if (interactions == null) {
            return null;
        }
        List<String> out = new ArrayList<>(interactions.size());
        for (int i = 0; i < interactions.size(); i++) {
            String id = interactions.get(i);
            if (id == null || Identifiers.checkInteractionId(id).isEmpty()) {
                out.add(id);
                continue;
            }
            String tidy = Identifiers.tidyInteractionId(id);
            if (Identifiers.checkInteractionId(tidy).isEmpty()) {
                warnings.add(new FieldIssue("/interactions/" + i, INTERACTION_CLEANED, "Interaction '" + id
                        + "' had stray characters around it; cleaned to " + tidy + "."));
                out.add(tidy);
            } else {
                warnings.add(new FieldIssue("/interactions/" + i, INTERACTION_SET_ASIDE, "'" + id
                        + "' is not an interaction ID; set aside, not imported. "
                        + Identifiers.checkInteractionId(id).map(RuleWords::of).orElse("")));
            }
        }
        return out;
    }

    /** The host of an absolute URL as written (case and trailing dot kept), or null. */
    private static String host(String url) {
        if (url == null) {
            return null;
        }
        int start = url.indexOf("://");
        if (start < 0) {
            return null;
        }
        start += 3;
        int end = start;
        while (end < url.length() && ":/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String host = url.substring(start, end);
        return host.contains("@") ? null : host;
    }
}
