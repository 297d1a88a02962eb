package io.spineconsole.ui.registrations;

import io.spineconsole.domain.messages.MessagingPattern;
import io.spineconsole.domain.registrations.RegistrationStatus;
import io.spineconsole.domain.registrations.CertificateState;
import io.spineconsole.domain.registrations.CheckRule;
import io.spineconsole.domain.registrations.ImportOutcome;
import io.spineconsole.domain.registrations.MhsActor;
import io.spineconsole.domain.registrations.OrganisationKind;
import io.spineconsole.domain.registrations.RecordType;
import io.spineconsole.domain.registrations.RegistrationAction;
import io.spineconsole.domain.registrations.ReliabilityFlag;
import io.spineconsole.domain.registrations.Severity;
import io.spineconsole.domain.registrations.SyncReplyMode;
import io.spineconsole.ui.common.I18n;

import java.text.NumberFormat;

/** The words for the registration enums, each key written out so the i18n test sees it. */
public final class Labels {
    private Labels() {
    }

    public static String status(I18n i18n, RegistrationStatus s) {
        if (s == null) {
            return "";
        }
        return switch (s) {
            case REQUESTED -> i18n.get("registrations.status.requested");
            case APPROVED -> i18n.get("registrations.status.approved");
            case ACTIVE -> i18n.get("registrations.status.active");
            case SUSPENDED -> i18n.get("registrations.status.suspended");
            case RETIRED -> i18n.get("registrations.status.retired");
        };
    }

    public static String kind(I18n i18n, OrganisationKind k) {
        if (k == null) {
            return "";
        }
        return switch (k) {
            case TRUST -> i18n.get("registrations.kind.trust");
            case TRUST_SITE -> i18n.get("registrations.kind.trustSite");
            case GP_PRACTICE -> i18n.get("registrations.kind.gpPractice");
            case NATIONAL_SERVICE -> i18n.get("registrations.kind.nationalService");
            case COMMISSIONER -> i18n.get("registrations.kind.commissioner");
            case SUPPLIER -> i18n.get("registrations.kind.supplier");
            case OTHER -> i18n.get("registrations.kind.other");
        };
    }

    /** Patterns are written as the NHS writes them (async-reliable), which the people using this know. */
    public static String pattern(MessagingPattern p) {
        return p == null ? "" : p.code();
    }

    public static String severity(I18n i18n, Severity s) {
        if (s == null) {
            return "";
        }
        return switch (s) {
            case ERROR -> i18n.get("registrations.severity.error");
            case WARNING -> i18n.get("registrations.severity.warning");
            case INFO -> i18n.get("registrations.severity.info");
        };
    }

    public static String rule(I18n i18n, CheckRule r) {
        if (r == null) {
            return "";
        }
        return switch (r) {
            case ODS_CODE_FORMAT -> i18n.get("registrations.rule.odsCodeFormat");
            case ASID_FORMAT -> i18n.get("registrations.rule.asidFormat");
            case ASID_PREFIX -> i18n.get("registrations.rule.asidPrefix");
            case PARTY_KEY_FORMAT -> i18n.get("registrations.rule.partyKeyFormat");
            case PARTY_KEY_PREFIX_MISMATCH -> i18n.get("registrations.rule.partyKeyPrefixMismatch");
            case URL_NOT_HTTPS -> i18n.get("registrations.rule.urlNotHttps");
            case FQDN_URL_HOST_MISMATCH -> i18n.get("registrations.rule.fqdnUrlHostMismatch");
            case INTERACTION_FORMAT -> i18n.get("registrations.rule.interactionFormat");
            case INTERACTION_UNKNOWN -> i18n.get("registrations.rule.interactionUnknown");
            case INTERACTION_PATTERN_MISMATCH -> i18n.get("registrations.rule.interactionPatternMismatch");
            case RELIABILITY_MISSING -> i18n.get("registrations.rule.reliabilityMissing");
            case RELIABILITY_NOT_APPLICABLE -> i18n.get("registrations.rule.reliabilityNotApplicable");
            case DUPLICATE_ENDPOINT -> i18n.get("registrations.rule.duplicateEndpoint");
            case DUPLICATE_ASID_INTERACTION -> i18n.get("registrations.rule.duplicateAsidInteraction");
            case CERTIFICATE_MISSING -> i18n.get("registrations.rule.certificateMissing");
            case CERTIFICATE_EXPIRED -> i18n.get("registrations.rule.certificateExpired");
            case CERTIFICATE_EXPIRING -> i18n.get("registrations.rule.certificateExpiring");
            case CERTIFICATE_NOT_YET_VALID -> i18n.get("registrations.rule.certificateNotYetValid");
            case OWNER_UNKNOWN -> i18n.get("registrations.rule.ownerUnknown");
            case OWNER_NOT_ACTIVE -> i18n.get("registrations.rule.ownerNotActive");
        };
    }

    /** The action as a button says it. */
    public static String action(I18n i18n, RegistrationAction a) {
        return switch (a) {
            case APPROVE -> i18n.get("registrations.action.approve");
            case ACTIVATE -> i18n.get("registrations.action.activate");
            case SUSPEND -> i18n.get("registrations.action.suspend");
            case REINSTATE -> i18n.get("registrations.action.reinstate");
            case RETIRE -> i18n.get("registrations.action.retire");
        };
    }

    /** What the action does, for its confirmation. */
    public static String actionEffect(I18n i18n, RegistrationAction a) {
        return switch (a) {
            case APPROVE -> i18n.get("registrations.action.approveEffect");
            case ACTIVATE -> i18n.get("registrations.action.activateEffect");
            case SUSPEND -> i18n.get("registrations.action.suspendEffect");
            case REINSTATE -> i18n.get("registrations.action.reinstateEffect");
            case RETIRE -> i18n.get("registrations.action.retireEffect");
        };
    }

    public static String outcome(I18n i18n, ImportOutcome o) {
        if (o == null) {
            return "";
        }
        return switch (o) {
            case CREATED -> i18n.get("registrations.outcome.created");
            case UPDATED -> i18n.get("registrations.outcome.updated");
            case UNCHANGED -> i18n.get("registrations.outcome.unchanged");
            case REJECTED -> i18n.get("registrations.outcome.rejected");
        };
    }

    /** What a dry run says would happen to an import row. */
    public static String wouldBe(I18n i18n, ImportOutcome o) {
        if (o == null) {
            return "";
        }
        return switch (o) {
            case CREATED -> i18n.get("registrations.outcome.wouldCreate");
            case UPDATED -> i18n.get("registrations.outcome.wouldUpdate");
            case UNCHANGED -> i18n.get("registrations.outcome.wouldKeep");
            case REJECTED -> i18n.get("registrations.outcome.rejected");
        };
    }

    public static String certificateState(I18n i18n, CertificateState s) {
        if (s == null) {
            return i18n.get("registrations.certificate.none");
        }
        return switch (s) {
            case VALID -> i18n.get("registrations.certificate.valid");
            case EXPIRING -> i18n.get("registrations.certificate.expiring");
            case EXPIRED -> i18n.get("registrations.certificate.expired");
            case NOT_YET_VALID -> i18n.get("registrations.certificate.notYetValid");
        };
    }

    public static String flag(I18n i18n, ReliabilityFlag f) {
        if (f == null) {
            return "";
        }
        return switch (f) {
            case ALWAYS -> i18n.get("registrations.flag.always");
            case NEVER -> i18n.get("registrations.flag.never");
        };
    }

    public static String syncReplyMode(I18n i18n, SyncReplyMode m) {
        if (m == null) {
            return "";
        }
        return switch (m) {
            case NONE -> i18n.get("registrations.syncReply.none");
            case MSH_SIGNALS_ONLY -> i18n.get("registrations.syncReply.mshSignalsOnly");
            case SIGNALS_AND_RESPONSE -> i18n.get("registrations.syncReply.signalsAndResponse");
        };
    }

    public static String actor(I18n i18n, MhsActor a) {
        if (a == null) {
            return "";
        }
        return switch (a) {
            case TO_PARTY_MSH -> i18n.get("registrations.actor.toPartyMsh");
            case NEXT_MSH -> i18n.get("registrations.actor.nextMsh");
        };
    }

    public static String recordType(I18n i18n, RecordType t) {
        if (t == null) {
            return "";
        }
        return switch (t) {
            case ORGANISATION -> i18n.get("registrations.type.organisation");
            case ACCREDITED_SYSTEM -> i18n.get("registrations.type.system");
            case ENDPOINT -> i18n.get("registrations.type.endpoint");
        };
    }

    /** A record type from its wire code (findings and audit entries carry codes). */
    public static String recordTypeCode(I18n i18n, String code) {
        RecordKind<?> kind = RecordKind.byTypeCode(code);
        return kind == null ? code : recordType(i18n, kind.type());
    }

    /** An audit action code in words (unknown ones as they are). */
    public static String auditAction(I18n i18n, String code) {
        if (code == null) {
            return "";
        }
        return switch (code) {
            case "create" -> i18n.get("registrations.audit.create");
            case "update" -> i18n.get("registrations.audit.update");
            case "delete" -> i18n.get("registrations.audit.delete");
            case "transition" -> i18n.get("registrations.audit.transition");
            case "import" -> i18n.get("registrations.audit.import");
            default -> code;
        };
    }

    /** A list's plural noun. */
    public static String plural(I18n i18n, RecordKind<?> kind) {
        return switch (kind.type()) {
            case ORGANISATION -> i18n.get("registrations.organisations");
            case ACCREDITED_SYSTEM -> i18n.get("registrations.systems");
            case ENDPOINT -> i18n.get("registrations.endpoints");
        };
    }

    /** A server sort code ({@code party-key}, {@code -updated-at}) in words. */
    public static String sort(I18n i18n, String code) {
        boolean descending = code.startsWith("-");
        String base = descending ? code.substring(1) : code;
        String name = switch (base) {
            case "ods-code" -> i18n.get("registrations.sort.odsCode");
            case "name" -> i18n.get("registrations.sort.name");
            case "asid" -> i18n.get("registrations.sort.asid");
            case "party-key" -> i18n.get("registrations.sort.partyKey");
            case "certificate-not-after" -> i18n.get("registrations.sort.certificateNotAfter");
            case "updated-at" -> i18n.get("registrations.sort.updatedAt");
            default -> base;
        };
        return descending ? i18n.get("registrations.sort.descending", name) : i18n.get("registrations.sort.ascending", name);
    }

    /** The search field's hint for a list. */
    public static String searchPrompt(I18n i18n, RecordKind<?> kind) {
        return switch (kind.type()) {
            case ORGANISATION -> i18n.get("registrations.search.promptOrganisations");
            case ACCREDITED_SYSTEM -> i18n.get("registrations.search.promptSystems");
            case ENDPOINT -> i18n.get("registrations.search.promptEndpoints");
        };
    }

    /** The "New …" button of a list. */
    public static String newRecord(I18n i18n, RecordKind<?> kind) {
        return switch (kind.type()) {
            case ORGANISATION -> i18n.get("registrations.list.newOrganisation");
            case ACCREDITED_SYSTEM -> i18n.get("registrations.list.newSystem");
            case ENDPOINT -> i18n.get("registrations.list.newEndpoint");
        };
    }

    /** A list's plural noun inside a sentence ("endpoints"). */
    public static String noun(I18n i18n, RecordKind<?> kind) {
        return switch (kind.type()) {
            case ORGANISATION -> i18n.get("registrations.noun.organisations");
            case ACCREDITED_SYSTEM -> i18n.get("registrations.noun.systems");
            case ENDPOINT -> i18n.get("registrations.noun.endpoints");
        };
    }

    /** A file size in bytes, KiB or MiB, as the import and export dialogs show it. */
    static String size(I18n i18n, long bytes) {
        NumberFormat n = NumberFormat.getNumberInstance(i18n.locale());
        n.setMaximumFractionDigits(1);
        if (bytes < 1024) {
            return i18n.get("registrations.bytes", bytes);
        }
        if (bytes < 1024 * 1024) {
            return i18n.get("registrations.kib", n.format(bytes / 1024.0));
        }
        return i18n.get("registrations.mib", n.format(bytes / (1024.0 * 1024)));
    }
}
