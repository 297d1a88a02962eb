package io.spineconsole.api.http;

import io.spineconsole.api.AuditApi;

/** {@link AuditApi} over HTTP. */
final class HttpAuditApi implements AuditApi {
    private final HttpTransport http;

    HttpAuditApi(HttpTransport http) {
        this.http = http;
    }
}
