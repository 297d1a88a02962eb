package io.spineconsole.contract;

import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request to the admin API, as data, so tests can build a valid one and then break it in one
 * way at a time. The token is added when it is sent ({@link #toRequest}); null sends none.
 */
public record ApiCall(String method, String path, List<Map.Entry<String, String>> query, Map<String, String> headers,
                      String contentType, byte[] body) {

    public ApiCall {
        query = List.copyOf(query);
        headers = Map.copyOf(headers);
    }

    public static ApiCall of(String method, String path) {
        return new ApiCall(method, path, List.of(), Map.of(), null, null);
    }

    public ApiCall withPath(String value) {
        return new ApiCall(method, value, query, headers, contentType, body);
    }

    public ApiCall withQuery(String name, String value) {
        List<Map.Entry<String, String>> q = new ArrayList<>(query);
        q.add(Map.entry(name, value));
        return new ApiCall(method, path, q, headers, contentType, body);
    }

    /** Replaces every value of {@code name} with {@code value} (null: removes the parameter). */
    public ApiCall replacingQuery(String name, String value) {
        List<Map.Entry<String, String>> q = new ArrayList<>(query);
        q.removeIf(e -> e.getKey().equals(name));
        if (value != null) {
            q.add(Map.entry(name, value));
        }
        return new ApiCall(method, path, q, headers, contentType, body);
    }

    /** Sets a header (null: removes it). */
    public ApiCall withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        if (value == null) {
            h.remove(name);
        } else {
            h.put(name, value);
        }
        return new ApiCall(method, path, query, h, contentType, body);
    }

    public ApiCall withJson(String json) {
        return withBody("application/json", json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    public ApiCall withBody(String type, byte[] value) {
        return new ApiCall(method, path, query, headers, type, value);
    }

    public String bodyText() {
        return body == null ? null : new String(body, StandardCharsets.UTF_8);
    }

    public Request toRequest(HttpUrl base, String token) {
        int q = path.indexOf('?');
        HttpUrl.Builder url = base.newBuilder().encodedPath(q < 0 ? path : path.substring(0, q));
        if (q >= 0) {
            url.encodedQuery(path.substring(q + 1));
        }
        query.forEach(e -> url.addQueryParameter(e.getKey(), e.getValue()));
        RequestBody requestBody = null;
        if (body != null || !method.equals("GET") && !method.equals("DELETE")) {
            byte[] bytes = body == null ? new byte[0] : body;
            requestBody = RequestBody.create(bytes, contentType == null ? null : MediaType.parse(contentType));
        }
        Request.Builder b = new Request.Builder().url(url.build()).method(method, requestBody);
        headers.forEach(b::header);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.build();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(method).append(' ').append(path);
        for (int i = 0; i < query.size(); i++) {
            b.append(i == 0 ? '?' : '&').append(query.get(i).getKey()).append('=').append(query.get(i).getValue());
        }
        if (!headers.isEmpty()) {
            b.append(' ').append(headers);
        }
        if (body != null) {
            String text = bodyText();
            b.append(' ').append(contentType).append(' ').append(text.length() > 120 ? text.substring(0, 120) + "…("
                    + body.length + " bytes)" : text);
        }
        return b.toString();
    }
}
