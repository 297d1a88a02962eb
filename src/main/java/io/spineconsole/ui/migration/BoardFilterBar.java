package io.spineconsole.ui.migration;

import io.spineconsole.domain.migration.Site;
import io.spineconsole.domain.migration.Wave;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import io.spineconsole.ui.common.LoadState;
import javafx.beans.binding.Bindings;
import javafx.beans.property.Property;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

import java.util.Objects;
import java.util.function.Function;

/**
 * The board's filters: site, wave, owner and text, which the server applies. A box's choice loads
 * at once; the text loads once the user pauses (the view model's debouncer) or presses Enter. The
 * bar also counts what is shown and says when the role may only look.
 */
final class BoardFilterBar extends FlowPane {
    private final BoardViewModel model;
    private final MigrationViewModel root;
    private final I18n i18n;

    BoardFilterBar(MigrationViewModel root) {
        super(8, 6);
        this.root = root;
        this.model = root.board();
        this.i18n = root.labels().i18n();

        ComboBox<String> site = siteBox();
        ComboBox<Integer> wave = waveBox();
        ComboBox<String> owner = ownerBox();

        TextField text = new TextField();
        text.setId("migration-filter-text");
        text.setPromptText(i18n.get("migration.filter.textPrompt"));
        text.setAccessibleText(i18n.get("migration.filter.text"));
        text.setPrefColumnCount(16);
        text.textProperty().bindBidirectional(model.textProperty());
        text.setOnAction(e -> model.load());

        Button clear = new Button(i18n.get("migration.filter.clear"));
        clear.setId("migration-filter-clear");
        clear.getStyleClass().add("flat");
        clear.setOnAction(e -> {
            site.setValue(null);
            wave.setValue(null);
            owner.setValue(null);
            model.clearFilters();
        });

        Label count = new Label();
        count.getStyleClass().add("text-muted");
        count.textProperty().bind(Bindings.createStringBinding(() -> model.stateProperty().get() == LoadState.LOADED
                ? i18n.get("migration.board.count", model.components().size()) : "", model.components(),
                model.stateProperty()));

        Label readOnly = new Label(i18n.get("migration.readOnly"));
        readOnly.setGraphic(Icons.of(AppIcon.UNAUTHORISED));
        readOnly.getStyleClass().add("text-muted");
        readOnly.visibleProperty().bind(root.mayOperateProperty().not().and(root.contextProperty().isNotNull()));
        readOnly.managedProperty().bind(readOnly.visibleProperty());

        // The boxes say what they filter ("All sites", "DC-NORTH · Data centre"); their accessible text names them too.
        // Each as wide as its longest choice, so the one shown is never cut; the bar wraps instead.
        for (ComboBox<?> box : new ComboBox<?>[] {site, wave, owner}) {
            box.setMinWidth(Region.USE_PREF_SIZE);
        }
        clear.setMinWidth(Region.USE_PREF_SIZE);
        count.setMinWidth(Region.USE_PREF_SIZE);
        // Wraps onto a second line when the detail beside the board leaves it less room.
        getChildren().addAll(site, wave, owner, text, clear, count, readOnly);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("migration-filters");
    }

    private ComboBox<String> siteBox() {
        ComboBox<String> site = new ComboBox<>();
        site.setId("migration-filter-site");
        site.setPromptText(i18n.get("migration.filter.allSites"));
        site.setAccessibleText(i18n.get("migration.filter.site"));
        site.setConverter(converter(code -> code == null ? i18n.get("migration.filter.allSites")
                : root.siteNamed(code)));
        Runnable fill = () -> {
            String keep = model.siteProperty().get();
            site.getItems().setAll((String) null);
            root.referenceSites().stream().map(Site::code).forEach(site.getItems()::add);
            site.setValue(keep);
        };
        root.referenceSites().addListener((ListChangeListener<Site>) c -> fill.run());
        fill.run();
        loadOnChoice(site, model.siteProperty());
        return site;
    }

    private ComboBox<Integer> waveBox() {
        ComboBox<Integer> wave = new ComboBox<>();
        wave.setId("migration-filter-wave");
        wave.setAccessibleText(i18n.get("migration.filter.wave"));
        wave.setConverter(converter(n -> n == null ? i18n.get("migration.filter.allWaves")
                : root.waves().stream().filter(w -> w.number() == n).findFirst().map(Wave::name)
                .orElse(i18n.get("migration.filter.waveNumber", n))));
        Runnable fill = () -> {
            Integer keep = model.waveProperty().get();
            wave.getItems().setAll((Integer) null);
            root.waves().forEach(w -> wave.getItems().add(w.number()));
            wave.setValue(keep);
        };
        root.waves().addListener((ListChangeListener<Wave>) c -> fill.run());
        fill.run();
        loadOnChoice(wave, model.waveProperty());
        return wave;
    }

    private ComboBox<String> ownerBox() {
        ComboBox<String> owner = new ComboBox<>();
        owner.setId("migration-filter-owner");
        owner.setEditable(false);
        owner.setPromptText(i18n.get("migration.filter.allOwners"));
        owner.setAccessibleText(i18n.get("migration.filter.owner"));
        owner.setValue(model.ownerProperty().get());
        owner.setConverter(converter(o -> o == null ? i18n.get("migration.filter.allOwners") : o));
        Runnable fill = () -> {
            String keep = model.ownerProperty().get();
            owner.getItems().setAll((String) null);
            owner.getItems().addAll(model.owners());
            if (keep != null && !owner.getItems().contains(keep)) {
                owner.getItems().add(keep);
            }
            owner.setValue(keep);
        };
        model.owners().addListener((ListChangeListener<String>) c -> fill.run());
        fill.run();
        loadOnChoice(owner, model.ownerProperty());
        return owner;
    }

    /** A choice the user makes in {@code box} becomes the filter and loads the board. */
    private <T> void loadOnChoice(ComboBox<T> box, Property<T> filter) {
        box.valueProperty().addListener((o, a, b) -> {
            if (!Objects.equals(b, filter.getValue())) {
                filter.setValue(b);
                model.load();
            }
        });
    }

    /** Shows a box's values in words; the boxes are not editable, so nothing is parsed back. */
    private static <T> StringConverter<T> converter(Function<T, String> words) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return words.apply(value);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
