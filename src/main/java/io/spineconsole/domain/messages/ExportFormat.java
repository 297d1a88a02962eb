package io.spineconsole.domain.messages;

import io.spineconsole.domain.Coded;

/** Formats of a governed message export. */
public enum ExportFormat implements Coded {
    CSV("csv", "text/csv"),
    NDJSON("ndjson", "application/x-ndjson");

    private final String code;
    private final String mediaType;

    ExportFormat(String code, String mediaType) {
        this.code = code;
        this.mediaType = mediaType;
    }

    @Override
    public String code() {
        return code;
    }

    public String mediaType() {
        return mediaType;
    }
}
