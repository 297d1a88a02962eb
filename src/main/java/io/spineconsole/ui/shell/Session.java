package io.spineconsole.ui.shell;

import io.spineconsole.api.BackboneApi;
import io.spineconsole.domain.Principal;
import io.spineconsole.settings.ConnectionProfile;

/** A live connection: the profile, the API client and who the server says we are. */
public record Session(ConnectionProfile profile, BackboneApi api, Principal principal) implements AutoCloseable {
    /** The server this session talks to (for the environment band: views never ask the API themselves). */
    public String serverUrl() {
        return api.baseUrl();
    }

    @Override
    public void close() {
        api.close();
    }
}
