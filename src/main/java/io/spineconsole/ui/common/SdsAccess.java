package io.spineconsole.ui.common;

import io.spineconsole.api.sds.SdsDirectory;
import io.spineconsole.domain.sds.SdsEnvironment;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.Objects;
import java.util.Optional;

/**
 * The SDS connection the console looks records up with, for the views that compare our registrations with
 * what the Spine Directory Service publishes. Set (on the UI thread) by whoever owns the SDS connections; empty
 * when none is set up, and then a view says so and offers {@link #addConnection()}.
 */
public final class SdsAccess {
    /** The connection in use: its name as the user gave it, its environment, and its directory. */
    public record Connection(String name, SdsEnvironment environment, SdsDirectory directory) {
        public Connection {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(environment, "environment");
            Objects.requireNonNull(directory, "directory");
        }
    }

    private final ObjectProperty<Connection> connection = new SimpleObjectProperty<>();
    private Runnable onAddConnection = () -> { };

    /** No SDS connection (yet). */
    public static SdsAccess none() {
        return new SdsAccess();
    }

    /** Access through {@code directory}, for tests and tools. */
    public static SdsAccess of(String name, SdsEnvironment environment, SdsDirectory directory) {
        SdsAccess access = new SdsAccess();
        access.use(new Connection(name, environment, directory));
        return access;
    }

    /** The connection in use, or empty when none is set up. */
    public Optional<Connection> connection() {
        return Optional.ofNullable(connection.get());
    }

    /** The directory of the connection in use, or null when none is set up (as the SDS view models take it). */
    public SdsDirectory directoryOrNull() {
        Connection c = connection.get();
        return c == null ? null : c.directory();
    }

    public ReadOnlyObjectProperty<Connection> connectionProperty() {
        return connection;
    }

    /** Uses {@code c} from now on (null: no connection). Call on the UI thread. */
    public void use(Connection c) {
        connection.set(c);
    }

    /** Offers to add an SDS connection (opens the SDS connections dialog). */
    public void addConnection() {
        onAddConnection.run();
    }

    public void setOnAddConnection(Runnable action) {
        this.onAddConnection = Objects.requireNonNull(action);
    }
}
