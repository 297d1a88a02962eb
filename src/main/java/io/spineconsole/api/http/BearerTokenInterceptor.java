package io.spineconsole.api.http;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.util.function.Supplier;

/** Adds the bearer token to each request. The token is read per call and never logged. */
final class BearerTokenInterceptor implements Interceptor {
    private final Supplier<String> token;

    BearerTokenInterceptor(Supplier<String> token) {
        this.token = token;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        String value = token.get();
        Request request = chain.request();
        if (value == null || value.isBlank()) {
            return chain.proceed(request);
        }
        return chain.proceed(request.newBuilder().header("Authorization", "Bearer " + value).build());
    }
}
