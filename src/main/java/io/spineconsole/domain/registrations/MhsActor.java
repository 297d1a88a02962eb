package io.spineconsole.domain.registrations;

import io.spineconsole.domain.Coded;

/** ebXML actor: the receiving MHS itself, or the next MSH (the Spine intermediary, for forward patterns). */
public enum MhsActor implements Coded {
    TO_PARTY_MSH("to-party-msh"),
    NEXT_MSH("next-msh");

    private final String code;

    MhsActor(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
