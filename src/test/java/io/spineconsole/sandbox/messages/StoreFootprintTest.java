package io.spineconsole.sandbox.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spineconsole.sandbox.SandboxDatabase;
import io.spineconsole.sandbox.SeedData;
import io.spineconsole.sandbox.http.server.SandboxBackbone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded store after its first seeding (the desktop default: 300 organisations, 20,000
 * messages) is no larger than its data needs, at most 100 MB, and says so on the health route,
 * with the desktop's retention.
 */
class StoreFootprintTest {
    @Test
    void firstSeedingIsCompactAndItsSizeIsShown(@TempDir Path dir) throws Exception {
        Path database = dir.resolve("sandbox");
        SandboxBackbone.Config config = new SandboxBackbone.Config(SandboxDatabase.h2FileUrl(database), null, null,
                "127.0.0.1", 0, SeedData.Scale.desktop(), "sandbox");
        try (SandboxBackbone backbone = SandboxBackbone.startOnOwnStore(database, config, Clock.systemUTC())) {
            long file = Files.size(dir.resolve("sandbox.mv.db"));
            assertEquals(file, backbone.database().sizeBytes());
            assertTrue(file <= 100L * 1024 * 1024, "first seeding left " + (file >> 20) + " MB, more than 100 MB");
            assertEquals(20_000, new io.spineconsole.sandbox.Sql(backbone.database().dataSource())
                    .count("SELECT COUNT(*) FROM message"), "the store still holds every seeded message");
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(backbone.baseUrl() + "/api/v1/health")).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode store = new ObjectMapper().readTree(health.body()).get("store");
            assertTrue(store.get("sizeBytes").asLong() > 1_000_000, health.body());
            assertEquals(MessageRetention.DESKTOP_DAYS, store.get("messageRetentionDays").asInt());
            System.out.printf("First seeding: %,d bytes%n", file);
        }
    }
}
