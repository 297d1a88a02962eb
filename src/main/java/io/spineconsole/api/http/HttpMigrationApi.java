package io.spineconsole.api.http;

import io.spineconsole.api.MigrationApi;

/** {@link MigrationApi} over HTTP. */
final class HttpMigrationApi implements MigrationApi {
    private final HttpTransport http;

    HttpMigrationApi(HttpTransport http) {
        this.http = http;
    }
}
