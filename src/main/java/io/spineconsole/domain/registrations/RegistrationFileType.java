package io.spineconsole.domain.registrations;

import io.spineconsole.domain.Coded;

/** Record type of a CSV import or export, or the resource type of a FHIR export. */
public enum RegistrationFileType implements Coded {
    ORGANISATIONS("organisations"),
    ACCREDITED_SYSTEMS("accredited-systems"),
    ENDPOINTS("endpoints");

    private final String code;

    RegistrationFileType(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
