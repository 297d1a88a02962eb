package io.spineconsole.domain.sds;

import io.spineconsole.domain.Coded;

/** A field compared between a registration and its SDS record. */
public enum DriftField implements Coded {
    ODS_CODE("ods-code"),
    PARTY_KEY("party-key"),
    MANUFACTURER("manufacturer"),
    ADDRESS("address"),
    FQDN("fqdn"),
    CPA_ID("cpa-id"),
    INTERACTIONS("interactions"),
    SYNC_REPLY_MODE("sync-reply-mode"),
    RETRIES("retries"),
    RETRY_INTERVAL("retry-interval"),
    PERSIST_DURATION("persist-duration"),
    ACK_REQUESTED("ack-requested"),
    DUPLICATE_ELIMINATION("duplicate-elimination"),
    MHS_ACTOR("mhs-actor");

    private final String code;

    DriftField(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** True for the ebXML reliability settings (sync reply mode, retries, intervals, flags, actor). */
    public boolean isReliability() {
        return compareTo(SYNC_REPLY_MODE) >= 0;
    }
}
