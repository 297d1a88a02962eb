package io.spineconsole.domain.alerts;

import java.util.Objects;

/**
 * What an alert concerns, enough to link to it: for an endpoint its id and its organisation's ODS
 * code (the endpoint-health rows of both, and the failures sent to it); for an organisation its ODS
 * code; for a component its code.
 *
 * @param id          the endpoint id, ODS code or component code ({@code "backbone"} for the whole backbone)
 * @param odsCode     the organisation concerned, when there is one
 * @param displayName a name a person recognises (organisation and endpoint, component name)
 */
public record AlertSubject(AlertSubjectKind kind, String id, String odsCode, String displayName) {
    public AlertSubject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    /** The key that makes an alert one per rule and subject. */
    public String key() {
        return kind.code() + ":" + id;
    }
}
