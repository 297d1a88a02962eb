package io.spineconsole.api.http;

import io.spineconsole.api.RegistrationsApi;

/** {@link RegistrationsApi} over HTTP. */
final class HttpRegistrationsApi implements RegistrationsApi {
    private final HttpTransport http;

    HttpRegistrationsApi(HttpTransport http) {
        this.http = http;
    }
}
