package io.spineconsole.sandbox.registrations.transfer;

import io.spineconsole.domain.Coded;
import io.spineconsole.domain.messages.MessagingPattern;
import io.spineconsole.domain.registrations.AccreditedSystemCreate;
import io.spineconsole.domain.registrations.CertificateInput;
import io.spineconsole.domain.registrations.FieldIssue;
import io.spineconsole.domain.registrations.MhsActor;
import io.spineconsole.domain.registrations.MhsEndpointChange;
import io.spineconsole.domain.registrations.OrganisationCreate;
import io.spineconsole.domain.registrations.OrganisationKind;
import io.spineconsole.domain.registrations.RecordType;
import io.spineconsole.domain.registrations.RegistrationFileType;
import io.spineconsole.domain.registrations.Reliability;
import io.spineconsole.domain.registrations.ReliabilityFlag;
import io.spineconsole.domain.registrations.SyncReplyMode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How each record type is laid out in a CSV file (its columns, interaction lists joined with {@code |})
 * and read back from a row's cells into what the rules judge. A cell that is not of its column's type
 * is an error of the row, named by column; the record rules then judge the rest.
 */
final class CsvRecords {
    private static final List<String> ORGANISATION_COLUMNS = List.of("odsCode", "name", "kind", "parentOdsCode", "postcode");
    private static final List<String> SYSTEM_COLUMNS = List.of("asid", "odsCode", "name", "manufacturerOdsCode",
            "productName", "productVersion", "partyKey", "interactions");
    private static final List<String> ENDPOINT_COLUMNS = List.of("partyKey", "odsCode", "name", "url", "fqdn", "cpaId",
            "interactions", "messagingPattern", "retries", "retryInterval", "persistDuration", "ackRequested",
            "duplicateElimination", "syncReplyMode", "mhsActor", "certificateSubject", "certificateIssuer",
            "certificateSerial", "certificateNotBefore", "certificateNotAfter");

    private CsvRecords() {
    }

    /** The columns of a file of {@code type} (besides {@code status}, and {@code id} for endpoints, which export adds). */
    static List<String> columns(RegistrationFileType type) {
        return switch (type) {
            case ORGANISATIONS -> ORGANISATION_COLUMNS;
            case ACCREDITED_SYSTEMS -> SYSTEM_COLUMNS;
            case ENDPOINTS -> ENDPOINT_COLUMNS;
        };
    }

    static RecordType recordType(RegistrationFileType type) {
        return switch (type) {
            case ORGANISATIONS -> RecordType.ORGANISATION;
            case ACCREDITED_SYSTEMS -> RecordType.ACCREDITED_SYSTEM;
            case ENDPOINTS -> RecordType.ENDPOINT;
        };
    }

    static OrganisationCreate organisation(Map<String, String> cells, List<FieldIssue> errors) {
        OrganisationKind kind = coded(cells, "kind", OrganisationKind.class, errors);
        return new OrganisationCreate(cells.get("odsCode"), cells.get("name"), kind, cells.get("parentOdsCode"),
                cells.get("postcode"));
    }

    static AccreditedSystemCreate system(Map<String, String> cells) {
        return new AccreditedSystemCreate(cells.get("asid"), cells.get("odsCode"), cells.get("name"),
                cells.get("manufacturerOdsCode"), cells.get("productName"), cells.get("productVersion"),
                cells.get("partyKey"), list(cells.get("interactions")));
    }

    static MhsEndpointChange endpoint(Map<String, String> cells, List<FieldIssue> errors) {
        MessagingPattern pattern = null;
        if (cells.get("messagingPattern") != null) {
            pattern = MessagingPattern.parseLenient(cells.get("messagingPattern")).orElse(null);
            if (pattern == null) {
                errors.add(new FieldIssue("/messagingPattern", "ENUM", "Messaging pattern is one of: "
                        + codes(MessagingPattern.class) + "."));
            }
        }
        Reliability reliability = null;
        if (anyOf(cells, "retries", "retryInterval", "persistDuration", "ackRequested", "duplicateElimination", "syncReplyMode")) {
            Integer retries = null;
            if (cells.get("retries") != null) {
                try {
                    retries = Integer.valueOf(cells.get("retries"));
                } catch (NumberFormatException ex) {
                    errors.add(new FieldIssue("/reliability/retries", "WRONG_TYPE", "Retries is a whole number."));
                }
            }
            reliability = new Reliability(retries, cells.get("retryInterval"), cells.get("persistDuration"),
                    coded(cells, "ackRequested", ReliabilityFlag.class, errors),
                    coded(cells, "duplicateElimination", ReliabilityFlag.class, errors),
                    coded(cells, "syncReplyMode", SyncReplyMode.class, errors));
        }
        CertificateInput certificate = null;
        if (anyOf(cells, "certificateSubject", "certificateIssuer", "certificateSerial", "certificateNotBefore",
                "certificateNotAfter")) {
            certificate = new CertificateInput(cells.get("certificateSubject"), cells.get("certificateIssuer"),
                    cells.get("certificateSerial"), instant(cells, "certificateNotBefore", errors),
                    instant(cells, "certificateNotAfter", errors));
        }
        return new MhsEndpointChange(cells.get("name"), cells.get("odsCode"), cells.get("partyKey"), cells.get("url"),
                cells.get("cpaId"), list(cells.get("interactions")), pattern, reliability,
                coded(cells, "mhsActor", MhsActor.class, errors), cells.get("fqdn"), certificate);
    }

    /** A JSON Pointer from the record rules, as the CSV column it came from. */
    static String csvField(String pointer) {
        if (pointer == null || pointer.isEmpty() || pointer.startsWith("column.")) {
            return pointer;
        }
        String[] parts = pointer.substring(1).split("/");
        if (parts[0].equals("certificate") && parts.length > 1) {
            return "column.certificate" + Character.toUpperCase(parts[1].charAt(0)) + parts[1].substring(1);
        }
        if (parts[0].equals("reliability") && parts.length > 1) {
            return "column." + parts[1];
        }
        return "column." + parts[0];
    }

    private static boolean anyOf(Map<String, String> cells, String... names) {
        for (String n : names) {
            if (cells.get(n) != null) {
                return true;
            }
        }
        return false;
    }

    private static Instant instant(Map<String, String> cells, String column, List<FieldIssue> errors) {
        String text = cells.get(column);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException ex) {
            errors.add(new FieldIssue("column." + column, "FORMAT", "Use an ISO-8601 UTC date-time, for example 2026-11-01T00:00:00Z."));
            return null;
        }
    }

    private static <E extends Enum<E> & Coded> E coded(Map<String, String> cells, String column, Class<E> type,
                                                       List<FieldIssue> errors) {
        String text = cells.get(column);
        if (text == null) {
            return null;
        }
        for (E value : type.getEnumConstants()) {
            if (value.code().equals(text)) {
                return value;
            }
        }
        errors.add(new FieldIssue("column." + column, "ENUM", column + " is one of: " + codes(type) + "."));
        return null;
    }

    private static <E extends Enum<E> & Coded> String codes(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Coded::code).collect(Collectors.joining(", "));
    }

    /** An interaction list cell: ids separated by {@code |}. */
    static List<String> list(String cell) {
        return cell == null ? List.of() : Arrays.stream(cell.split("\\|")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
    }
}
