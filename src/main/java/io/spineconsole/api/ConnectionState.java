package io.spineconsole.api;

/** How the console's link to the admin API is doing, as the status bar shows it. */
public enum ConnectionState {
    /** No call has finished yet. */
    CONNECTING,
    /** The last call succeeded. */
    ONLINE,
    /** Calls succeed but slowly, or some fail with server errors. */
    DEGRADED,
    /** The server cannot be reached. */
    OFFLINE,
    /** The server is reachable but refuses the token. */
    UNAUTHORISED
}
