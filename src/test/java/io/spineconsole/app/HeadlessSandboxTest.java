package io.spineconsole.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code spine-console sandbox --traffic N} as a training room runs it: its own JVM on its own H2
 * file, live traffic flowing, then stopped the way a service manager stops it (SIGTERM). Messages
 * arrive without anyone opening a console, and stopping logs no warning or error (H2's own exit
 * hook used to close the store under the simulator: "Database is already closed").
 */
class HeadlessSandboxTest {
    private static final Pattern LISTENING = Pattern.compile("Admin API at (http://\\S+)/api/v1");

    @Test
    void aHeadlessSandboxRunsTrafficAndStopsWithoutAnError(@TempDir Path home) throws Exception {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(javaBin.toString(), "-Xmx512m", "-Dspineconsole.home=" + home,
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName(),
                "sandbox", "--port", "0", "--organisations", "20", "--messages", "400", "--traffic", "300")
                .redirectErrorStream(true).start();
        List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.CompletableFuture<String> listening = new java.util.concurrent.CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    output.add(line);
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        listening.complete(m.group(1));
                    }
                }
            } catch (java.io.IOException e) {
                output.add("(output ended: " + e + ")");
            }
            listening.complete(null);
        });
        reader.start();
        try {
            String url = listening.get(3, TimeUnit.MINUTES);
            assertTrue(url != null, "the sandbox started: " + output);
            String token = Files.readString(home.resolve("data").resolve("sandbox-admin.token")).trim();
            // Seeded history ends when the seeding did; live traffic keeps the newest message seconds old.
            long age = Long.MAX_VALUE;
            for (int i = 0; i < 60 && age > 2_000; i++) {
                Thread.sleep(1_000);
                age = newestMessageAgeMillis(url, token);
            }
            assertTrue(age <= 2_000, "live traffic: the newest message is " + age + " ms old");
            Thread.sleep(1_000);  // under way when the stop comes

            process.destroy();  // SIGTERM
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the sandbox stopped");
            reader.join(10_000);
        } finally {
            process.destroyForcibly();
        }
        List<String> problems = output.stream()
                .filter(l -> l.contains(" WARN ") || l.contains(" ERROR ") || l.contains("already closed")).toList();
        assertEquals(List.of(), problems, "stopping a sandbox under traffic logs no problem");
    }

    /** How old the newest message is, as the admin API says. */
    private static long newestMessageAgeMillis(String url, String token) throws Exception {
        OkHttpClient http = new OkHttpClient();
        Request request = new Request.Builder().url(url + "/api/v1/messages?limit=1")
                .header("Authorization", "Bearer " + token).build();
        try (Response response = http.newCall(request).execute()) {
            assertEquals(200, response.code());
            JsonNode page = new ObjectMapper().readTree(response.body().string());
            Instant newest = Instant.parse(page.get("items").get(0).get("receivedAt").asText());
            return Duration.between(newest, Instant.now()).toMillis();
        }
    }
}
