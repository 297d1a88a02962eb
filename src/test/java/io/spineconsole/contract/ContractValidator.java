package io.spineconsole.contract;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import io.spineconsole.contract.OpenApiContract.Answer;
import io.spineconsole.contract.OpenApiContract.Operation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Checks one HTTP exchange against openapi.yaml: the operation exists (method + path template),
 * the status is declared for it, the content type is declared for that status, required headers
 * are there, and a JSON body is valid against the declared schema. Schemas are validated in place
 * in the document by networknt's validator with the OpenAPI 3.1 dialect (JSON Schema 2020-12),
 * formats asserted (uuid, date-time, uri, ...).
 */
public final class ContractValidator {
    private static final ContractValidator INSTANCE = new ContractValidator(OpenApiContract.get());

    private final OpenApiContract contract;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    /** One exchange as seen on the wire. */
    public record Exchange(String method, String path, int status, String contentType,
                           Function<String, String> header, String body) {
        public String describe() {
            return method + " " + path + " → " + status;
        }
    }

    private ContractValidator(OpenApiContract contract) {
        // The whole document is loaded as a schema resource: its OpenAPI members (paths, tags, ...) are
        // not schema keywords, and the validator would warn about each of them once.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                "com.networknt.schema.keyword.UnknownKeywordFactory")).setLevel(ch.qos.logback.classic.Level.ERROR);
        this.contract = contract;
        this.registry = SchemaRegistry.withDialect(Dialects.getOpenApi31(), builder -> builder
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }

    public static ContractValidator get() {
        return INSTANCE;
    }

    public OpenApiContract contract() {
        return contract;
    }

    /** Every way this exchange breaks the contract; empty when it keeps it. */
    public List<String> violations(Exchange x) {
        List<String> out = new ArrayList<>();
        Optional<Operation> op = contract.match(x.method(), x.path());
        if (op.isEmpty()) {
            out.add(x.describe() + ": no operation " + x.method() + " for this path in openapi.yaml");
            return out;
        }
        Optional<Answer> declared = op.get().answer(x.status());
        if (declared.isEmpty()) {
            out.add(x.describe() + ": status " + x.status() + " is not declared for " + op.get().operationId()
                    + " (declared: " + op.get().answers().keySet() + ")");
            return out;
        }
        Answer answer = declared.get();
        for (String h : answer.requiredHeaders()) {
            if (x.header().apply(h) == null) {
                out.add(x.describe() + ": required header " + h + " is missing");
            }
        }
        // An event stream never ends, so its body is not read: only its status and content type are checked.
        boolean stream = baseType(x.contentType()).equals("text/event-stream");
        boolean hasBody = stream || x.body() != null && !x.body().isEmpty();
        if (answer.contentSchemas().isEmpty()) {
            if (hasBody) {
                out.add(x.describe() + ": the contract declares no body for this answer, but one came ("
                        + x.contentType() + ")");
            }
            return out;
        }
        String type = baseType(x.contentType());
        if (!answer.contentSchemas().containsKey(type)) {
            out.add(x.describe() + ": content type '" + x.contentType() + "' is not declared (declared: "
                    + answer.contentSchemas().keySet() + ")");
            return out;
        }
        if (!hasBody) {
            out.add(x.describe() + ": the answer has no body; the contract declares " + type);
            return out;
        }
        String pointer = answer.contentSchemas().get(type);
        if (pointer != null && isJson(type)) {
            List<Error> errors;
            try {
                errors = schema(pointer).validate(x.body(), InputFormat.JSON);
            } catch (RuntimeException e) {
                out.add(x.describe() + ": body is not JSON: " + e.getMessage());
                return out;
            }
            for (Error e : errors) {
                out.add(x.describe() + ": body breaks " + pointer + ": " + e);
            }
        }
        return out;
    }

    /** Validates a JSON value (a request body, say) against a schema in the document. */
    public List<String> validate(String pointer, String json) {
        try {
            return schema(pointer).validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
        } catch (RuntimeException notJson) {
            return List.of("not JSON: " + notJson.getMessage());
        }
    }

    private Schema schema(String pointer) {
        return schemas.computeIfAbsent(pointer, p -> registry.getSchema(
                SchemaLocation.of("classpath:" + OpenApiContract.RESOURCE + "#" + p)));
    }

    static String baseType(String contentType) {
        return contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    }

    static boolean isJson(String type) {
        return type.equals("application/json") || type.endsWith("+json");
    }
}
