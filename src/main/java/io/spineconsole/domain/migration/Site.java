package io.spineconsole.domain.migration;


import java.time.Instant;
import java.util.List;

/** A data centre or cloud region, with what it hosts and the latest traffic through it. */
public record Site(String code, String name, SiteKind kind, String region, SiteStatus status,
                   List<String> componentsHosted, Instant lastMessageAt, String signedOffBy, Instant signedOffAt,
                   long version, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
}
