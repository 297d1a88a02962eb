package io.spineconsole.api.http;

import io.spineconsole.api.MessagesApi;

/** {@link MessagesApi} over HTTP. */
final class HttpMessagesApi implements MessagesApi {
    private final HttpTransport http;

    HttpMessagesApi(HttpTransport http) {
        this.http = http;
    }
}
