package io.spineconsole.ui.messages;

import io.spineconsole.domain.Coded;
import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.ui.common.ConsoleLink;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A search as a link a colleague pastes into their console, and back:
 * {@code spine-console://messages/search?ods=RR8&status=nacked,dead-lettered&range=P7D}. A preset
 * window stays relative ("last hour" means the reader's last hour); a custom one travels as instants.
 * No server address and no token is ever in a link.
 */
final class SearchLinkCodec {
    static final String WORKSPACE = "messages";
    static final String PATH = "search";

    private SearchLinkCodec() {
    }

    /** The link to the search {@code form} describes. */
    static ConsoleLink toLink(SearchForm form) {
        ConsoleLink link = ConsoleLink.of(WORKSPACE, PATH)
                .with("conversationId", SearchForm.upper(form.conversationId().value()))
                .with("ods", SearchForm.upper(form.ods().value()))
                .with("asid", form.asid().value().strip())
                .with("partyKey", SearchForm.upper(form.partyKey().value()))
                .with("interaction", form.interaction().value().strip())
                .with("status", form.statuses().stream().map(Coded::code).collect(Collectors.joining(",")))
                .with("site", form.siteProperty().get())
                .with("endpointId", form.endpointIdProperty().get() == null ? null
                        : form.endpointIdProperty().get().toString())
                .with("signature", form.signatureProperty().get());
        if (form.rangeProperty().get() == TimeRange.CUSTOM) {
            link = link.with("from", form.parseTime(form.from().value()).map(Instant::toString).orElse(null))
                    .with("to", form.parseTime(form.to().value()).map(Instant::toString).orElse(null));
        } else {
            link = link.with("range", form.rangeProperty().get().code());
        }
        return form.oldestFirstProperty().get() ? link.with("sort", "oldest") : link;
    }

    /**
     * Puts the filters {@code link} names into {@code form}, every other filter cleared. A value that
     * breaks its format is kept as given, so its field says what is wrong; unknown statuses and a
     * malformed endpoint id are left out.
     */
    static void read(ConsoleLink link, SearchForm form) {
        form.clear();
        link.param("conversationId").ifPresent(form.conversationId().valueProperty()::set);
        link.param("ods").ifPresent(form.ods().valueProperty()::set);
        link.param("asid").ifPresent(form.asid().valueProperty()::set);
        link.param("partyKey").ifPresent(form.partyKey().valueProperty()::set);
        link.param("interaction").ifPresent(form.interaction().valueProperty()::set);
        link.param("site").ifPresent(form.siteProperty()::set);
        link.param("signature").ifPresent(form.signatureProperty()::set);
        link.param("endpointId").filter(SearchForm::isUuid).map(id -> UUID.fromString(id.strip()))
                .ifPresent(form.endpointIdProperty()::set);
        link.param("status").ifPresent(codes -> form.statuses().setAll(statuses(codes)));
        Optional<String> start = link.param("from");
        Optional<String> end = link.param("to");
        if (start.isPresent() || end.isPresent()) {
            form.rangeProperty().set(TimeRange.CUSTOM);
            form.from().valueProperty().set(start.map(form::localInput).orElse(""));
            form.to().valueProperty().set(end.map(form::localInput).orElse(""));
        } else {
            form.rangeProperty().set(link.param("range").flatMap(TimeRange::fromCode).filter(r -> r != TimeRange.CUSTOM)
                    .orElse(TimeRange.LAST_24_HOURS));
        }
        form.oldestFirstProperty().set(link.param("sort").filter("oldest"::equals).isPresent());
    }

    /** The statuses of a comma-separated list of codes, in its order, each once; unknown codes left out. */
    private static List<MessageStatus> statuses(String codes) {
        List<MessageStatus> parsed = new ArrayList<>();
        for (String code : codes.split(",")) {
            Arrays.stream(MessageStatus.values()).filter(s -> s.code().equals(code.strip()))
                    .findFirst().filter(s -> !parsed.contains(s)).ifPresent(parsed::add);
        }
        return parsed;
    }
}
