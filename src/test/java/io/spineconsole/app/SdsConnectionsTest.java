package io.spineconsole.app;

import io.spineconsole.api.sds.SdsDirectory;
import io.spineconsole.api.sds.SdsSearchSummary;
import io.spineconsole.domain.sds.SdsEnvironment;
import io.spineconsole.settings.SdsConnectionProfile;
import io.spineconsole.settings.SecretStore;
import io.spineconsole.settings.Settings;
import io.spineconsole.ui.common.SdsAccess;
import io.spineconsole.ui.common.UiExecutor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The composition root's SDS connection: the first SDS connection of the settings is opened with its key from the
 * secret store and handed to the workspaces; changing it opens the new one and closes the old; none leaves access
 * empty (the views then say so).
 */
class SdsConnectionsTest {
    private final Map<String, String> keys = new HashMap<>();
    private final List<Opened> opened = new ArrayList<>();

    /** A directory that records what it was opened with and whether it was closed. */
    static final class Opened implements SdsDirectory, AutoCloseable {
        final SdsConnectionProfile profile;
        final String key;
        boolean closed;

        Opened(SdsConnectionProfile profile, String key) {
            this.profile = profile;
            this.key = key;
        }

        @Override
        public CompletableFuture<SdsSearchSummary> searchDevices(io.spineconsole.api.sds.DeviceQuery q,
                                                                 java.util.function.Consumer<List<io.spineconsole.domain.sds.SdsDevice>> p) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<SdsSearchSummary> searchEndpoints(io.spineconsole.api.sds.EndpointQuery q,
                                                                   java.util.function.Consumer<List<io.spineconsole.domain.sds.SdsEndpoint>> p) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private final SecretStore secrets = new SecretStore() {
        @Override
        public String description() {
            return "Test keychain";
        }

        @Override
        public Optional<String> read(String profileId, Secret secret) {
            return Optional.ofNullable(keys.get(profileId + "/" + secret.code()));
        }

        @Override
        public void save(String profileId, Secret secret, String value) {
            keys.put(profileId + "/" + secret.code(), value);
        }

        @Override
        public void delete(String profileId, Secret secret) {
            keys.remove(profileId + "/" + secret.code());
        }
    };

    @Test
    void theFirstSdsConnectionIsOpenedWithItsStoredKeyAndReplacedOrDroppedAsTheSettingsChange() throws Exception {
        SdsAccess access = SdsAccess.none();
        SdsConnections connections = new SdsConnections(secrets, access, Runnable::run, new UiExecutor(Runnable::run),
                (p, key) -> {
                    Opened o = new Opened(p, key);
                    opened.add(o);
                    return o;
                });
        connections.use(Settings.defaults());
        assertTrue(access.connection().isEmpty(), "no SDS connection: nothing to look up with");

        SdsConnectionProfile intProfile = SdsConnectionProfile.create("SDS INT", SdsEnvironment.INT);
        SdsConnectionProfile live = SdsConnectionProfile.create("SDS LIVE", SdsEnvironment.LIVE);
        secrets.saveSdsApiKey(intProfile.id(), "int-key");
        secrets.saveSdsApiKey(live.id(), "live-key");
        connections.use(Settings.defaults().withSdsProfile(intProfile).withSdsProfile(live));

        SdsAccess.Connection in = access.connection().orElseThrow();
        assertEquals("SDS INT", in.name());
        assertEquals(SdsEnvironment.INT, in.environment());
        assertEquals("int-key", ((Opened) in.directory()).key);

        connections.use(Settings.defaults().withSdsProfile(live));
        assertEquals("live-key", ((Opened) access.directoryOrNull()).key);
        assertTrue(opened.get(0).closed, "the directory it replaced is closed");

        connections.use(Settings.defaults());
        assertTrue(access.connection().isEmpty());
        assertTrue(opened.get(1).closed);
        assertEquals(2, opened.size());
    }
}
