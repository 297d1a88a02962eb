package io.spineconsole.domain.registrations;

import java.util.List;

/** The interaction catalogue as served (wire shape {@code InteractionCatalogue}). */
public record InteractionList(List<Interaction> items) {
}
