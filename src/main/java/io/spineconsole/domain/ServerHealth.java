package io.spineconsole.domain;

/** What an admin API says about itself, before any sign-in. */
public record ServerHealth(String status, String version, String apiVersion, String mode, String database) {
}
