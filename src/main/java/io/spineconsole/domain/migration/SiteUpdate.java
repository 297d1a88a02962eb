package io.spineconsole.domain.migration;

/** The editable members of a site ({@code code} and {@code kind} are fixed). */
public record SiteUpdate(String name, String region, SiteStatus status) {
}
