package io.spineconsole.sandbox.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a route answers: status, JSON body and headers. Routes return one instead of writing to
 * the context, so {@link Routes} can store answers for idempotent replay and set ETags uniformly.
 */
public record ApiResponse(int status, Object body, Map<String, String> headers) {

    public static ApiResponse ok(Object body) {
        return new ApiResponse(200, body, new LinkedHashMap<>());
    }

    public static ApiResponse created(Object body, String location) {
        ApiResponse r = new ApiResponse(201, body, new LinkedHashMap<>());
        r.headers.put("Location", location);
        return r;
    }

    public static ApiResponse accepted(Object body, String location) {
        ApiResponse r = new ApiResponse(202, body, new LinkedHashMap<>());
        r.headers.put("Location", location);
        return r;
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, null, new LinkedHashMap<>());
    }

    /** Adds the strong ETag of a record's version. */
    public ApiResponse etag(long version) {
        headers.put("ETag", Etags.of(version));
        return this;
    }

    public ApiResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
