package io.spineconsole.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.spineconsole.domain.alerts.AlertRuleDraft;
import io.spineconsole.domain.migration.ChecklistItemCreate;
import io.spineconsole.domain.migration.ComponentCreate;
import io.spineconsole.domain.migration.ComponentUpdate;
import io.spineconsole.domain.migration.RunbookStepCreate;
import io.spineconsole.domain.migration.SiteCreate;
import io.spineconsole.domain.migration.SiteUpdate;
import io.spineconsole.domain.migration.WaveCreate;
import io.spineconsole.domain.migration.WaveUpdate;
import io.spineconsole.domain.registrations.AccreditedSystemCreate;
import io.spineconsole.domain.registrations.AccreditedSystemUpdate;
import io.spineconsole.domain.registrations.CheckRequest;
import io.spineconsole.domain.registrations.MhsEndpointChange;
import io.spineconsole.domain.registrations.OrganisationCreate;
import io.spineconsole.domain.registrations.OrganisationUpdate;
import io.spineconsole.domain.sds.DriftExpectationCreate;
import io.spineconsole.domain.tokens.TokenCreate;
import io.spineconsole.domain.tokens.TokenExpiry;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which members of a request body may be an explicit {@code null}: those openapi.yaml types as
 * {@code [..., 'null']} (a test keeps this list and the document in step). Any other member sent as
 * {@code null} is refused, each one named, instead of being read as absent: a client that sends
 * {@code "force": null} or {@code "reason": null} has a bug worth hearing about.
 */
final class NullableMembers {
    private static final Set<String> ACCREDITED_SYSTEM = Set.of("/name", "/manufacturerOdsCode", "/productName",
            "/productVersion", "/partyKey");
    private static final Set<String> ORGANISATION = Set.of("/parentOdsCode", "/postcode");
    private static final Set<String> COMPONENT = Set.of("/description", "/wave");
    /** By the type a route reads the body as; types not listed take no null anywhere. */
    static final Map<Class<?>, Set<String>> BY_TYPE = Map.ofEntries(
            Map.entry(TokenCreate.class, Set.of("/expiresAt", "/owner", "/reason")),
            Map.entry(TokenExpiry.class, Set.of("/expiresAt")),
            Map.entry(DriftExpectationCreate.class, Set.of("/odsCode")),
            // A record reference's label and name are the server's words in answers, ignored in requests.
            Map.entry(CheckRequest.class, Set.of("/records/*/label", "/records/*/name")),
            Map.entry(OrganisationCreate.class, ORGANISATION),
            Map.entry(OrganisationUpdate.class, ORGANISATION),
            Map.entry(AccreditedSystemCreate.class, ACCREDITED_SYSTEM),
            Map.entry(AccreditedSystemUpdate.class, ACCREDITED_SYSTEM),
            Map.entry(MhsEndpointChange.class, Set.of("/name", "/reliability", "/mhsActor", "/certificate",
                    "/certificate/issuer")),
            Map.entry(SiteCreate.class, Set.of("/region")),
            Map.entry(SiteUpdate.class, Set.of("/region")),
            Map.entry(ChecklistItemCreate.class, Set.of("/owner")),
            Map.entry(ComponentCreate.class, COMPONENT),
            Map.entry(ComponentUpdate.class, COMPONENT),
            Map.entry(RunbookStepCreate.class, Set.of("/owner", "/evidence", "/notes")),
            Map.entry(WaveCreate.class, Set.of("/notes")),
            Map.entry(WaveUpdate.class, Set.of("/notes")),
            // A rule's figures its kind does not use may be sent as null.
            Map.entry(AlertRuleDraft.class, Set.of("/thresholds/errorRatePercent", "/thresholds/recoveryRatePercent",
                    "/thresholds/windowMinutes", "/thresholds/minVolume", "/thresholds/maxInFlight",
                    "/thresholds/maxOldestWaitingMinutes", "/thresholds/deadLetterGrowth",
                    "/thresholds/expiringWithinDays")));

    private NullableMembers() {
    }

    /** Every member of {@code body} that is null where {@code type} takes no null, as a field error each. */
    static List<ProblemException.FieldProblem> explicitNulls(Class<?> type, JsonNode body) {
        List<ProblemException.FieldProblem> out = new ArrayList<>();
        collect(BY_TYPE.getOrDefault(type, Set.of()), body, "", "", out);
        return out;
    }

    /** {@code pointer}: where the node is; {@code pattern}: the same with array indexes as {@code *}. */
    private static void collect(Set<String> nullable, JsonNode node, String pointer, String pattern,
                                List<ProblemException.FieldProblem> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                String name = member.getKey().replace("~", "~0").replace("/", "~1");
                visit(nullable, member.getValue(), pointer + "/" + name, pattern + "/" + name, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                visit(nullable, node.get(i), pointer + "/" + i, pattern + "/*", out);
            }
        }
    }

    private static void visit(Set<String> nullable, JsonNode value, String pointer, String pattern,
                              List<ProblemException.FieldProblem> out) {
        if (value.isNull()) {
            if (!nullable.contains(pattern)) {
                out.add(new ProblemException.FieldProblem(pointer, "WRONG_TYPE", "Member " + pointer.substring(1)
                        + " may not be null: leave it out to take its default, or give a value."));
            }
        } else {
            collect(nullable, value, pointer, pattern, out);
        }
    }
}
