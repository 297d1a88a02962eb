package io.spineconsole.ui.common;

/** What an asynchronous view is doing: every such view shows one of these, never nothing. */
public enum LoadState {
    IDLE, LOADING, LOADED, EMPTY, FAILED
}
