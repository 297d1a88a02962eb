package io.spineconsole.ui.common;

import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Shape;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a support analyst can read on a screen, checked rather than eyed: every visible text node
 * with its kind, whether it is cut off (shown with an ellipsis, or clipped by what holds it), its
 * contrast against the background it is drawn on (WCAG 2 relative luminance) and whether it counts
 * as large. The screenshot run writes it beside each picture; a test fails the build on its
 * {@link #problems(List) problems}: a raw ISO timestamp, cut-off text, contrast below AA.
 */
public final class ScreenAudit {
    /** The kinds of text an entry can be. */
    public static final String LABEL = "label";
    public static final String BUTTON = "button";
    public static final String LINK = "link";
    public static final String CHECK = "check";
    public static final String TAB = "tab";
    public static final String HEADER = "header";
    public static final String TABLE_CELL = "table-cell";
    public static final String LIST_CELL = "list-cell";
    public static final String FIELD = "field";
    public static final String PLACEHOLDER = "placeholder";
    public static final String TEXT = "text";
    public static final String ICON = "icon";

    /** WCAG AA: 4.5:1 for text, 3:1 for large text and for what is not text (icons). */
    public static final double AA_TEXT = 4.5;
    public static final double AA_LARGE = 3.0;

    /** A date and a time of day run together ISO-style: "2026-12-01T09:55:37Z", "2026-12-01 09:55". */
    private static final Pattern RAW_ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}");
    /** A text whose box pokes out of its clip by less than this (antialiasing, a line's leading) is not cut off. */
    private static final double SLACK = 1.5;
    private static final String TOOLTIP_KEY = "javafx.scene.control.Tooltip";

    /**
     * One visible text.
     *
     * @param text      what the node holds (the full text, not what survived an ellipsis)
     * @param kind      {@link #LABEL}, {@link #BUTTON}, {@link #TAB}, {@link #HEADER}, {@link #TABLE_CELL}, …
     * @param truncated shown with an ellipsis, or clipped by what holds it
     * @param contrast  the ratio of the text's colour to its effective background, 1 to 21
     * @param large     WCAG's large text (24 px, or 18.66 px bold): 3:1 is enough
     * @param tooltip   the node (a cell, usually) shows its full text on hover
     * @param where     the id of the nearest ancestor that has one, to find it
     */
    public record Entry(String text, String kind, boolean truncated, double contrast, boolean large, boolean tooltip,
                        String where) {
        /** The contrast AA asks of this entry. */
        public double required() {
            return large || ICON.equals(kind) ? AA_LARGE : AA_TEXT;
        }
    }

    private final Scene scene;
    private final List<Entry> entries = new ArrayList<>();
    private final Set<Node> handled = Collections.newSetFromMap(new IdentityHashMap<>());

    private ScreenAudit(Scene scene) {
        this.scene = scene;
    }

    /** Every visible text of {@code scene}, in scene-graph order. Call on the UI thread after a layout pass. */
    public static List<Entry> of(Scene scene) {
        ScreenAudit audit = new ScreenAudit(scene);
        if (scene.getRoot() != null) {
            // As the next frame draws it: a text changed or a graphic added since the last pulse (a live
            // counter, a status icon) is styled and laid out first, not measured half-way.
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            audit.walk(scene.getRoot());
        }
        return List.copyOf(audit.entries);
    }

    /**
     * What fails the build, one sentence each: a visible raw ISO timestamp; a label, button, tab,
     * header or other text cut off; a table or list cell cut off without a tooltip; contrast below AA.
     * Inputs show what was typed or the data as it is (a payload), so they are held to contrast only.
     */
    public static List<String> problems(List<Entry> entries) {
        List<String> problems = new ArrayList<>();
        for (Entry e : entries) {
            boolean input = FIELD.equals(e.kind()) || PLACEHOLDER.equals(e.kind());
            if (!input && !ICON.equals(e.kind()) && RAW_ISO.matcher(e.text()).find()) {
                problems.add("raw ISO time in " + describe(e));
            }
            boolean cell = TABLE_CELL.equals(e.kind()) || LIST_CELL.equals(e.kind());
            if (e.truncated() && !input && !(cell && e.tooltip())) {
                problems.add((cell ? "cut off without a tooltip: " : "cut off: ") + describe(e));
            }
            if (e.contrast() < e.required()) {
                problems.add(String.format(Locale.ROOT, "contrast %.2f:1 (needs %.1f:1) for %s",
                        e.contrast(), e.required(), describe(e)));
            }
        }
        return problems;
    }

    private static String describe(Entry e) {
        String text = e.text().length() > 60 ? e.text().substring(0, 57) + "..." : e.text();
        return e.kind() + " \"" + text.replace('\n', ' ') + "\"" + (e.where().isEmpty() ? "" : " in #" + e.where());
    }

    private void walk(Node node) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (node instanceof TextInputControl input) {
            input(input);
            return;
        }
        if (node instanceof Labeled labeled) {
            labeled(labeled);
        } else if (node instanceof Text text && !handled.contains(text)) {
            String value = text.getText();
            if (value != null && !value.isBlank()) {
                boolean icon = text.getClass().getName().startsWith("org.kordamp.ikonli");
                add(text, value, icon ? ICON : TEXT, false, false);
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child);
            }
        }
    }

    private void labeled(Labeled labeled) {
        String value = labeled.getText();
        Text shown = shownText(labeled);
        if (value == null || value.isBlank() || shown == null) {
            return;
        }
        handled.add(shown);
        String expected = labeled.isMnemonicParsing() ? withoutMnemonic(value) : value;
        boolean ellipsis = shown.getText() != null && !shown.getText().equals(expected)
                && !shown.getText().equals(value);
        add(shown, value, kind(labeled), ellipsis, hasTooltip(labeled));
    }

    private void input(TextInputControl input) {
        for (Text text : texts(input)) {
            String value = text.getText();
            if (value == null || value.isBlank() || !visible(text)) {
                continue;
            }
            boolean prompt = input.getText() == null || input.getText().isEmpty();
            // An input's content scrolls: it is never cut off, but its colours still have to be readable.
            Entry e = entry(text, value, prompt ? PLACEHOLDER : FIELD, false, false);
            if (e != null) {
                entries.add(new Entry(e.text(), e.kind(), false, e.contrast(), e.large(), false, e.where()));
            }
        }
    }

    private static List<Text> texts(Parent parent) {
        List<Text> found = new ArrayList<>();
        for (Node child : parent.getChildrenUnmodifiable()) {
            if (child instanceof Text t) {
                found.add(t);
            } else if (child instanceof Parent p) {
                found.addAll(texts(p));
            }
        }
        return found;
    }

    private static boolean visible(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private void add(Text text, String value, String kind, boolean ellipsis, boolean tooltip) {
        Entry e = entry(text, value, kind, ellipsis, tooltip);
        if (e != null) {
            entries.add(e);
        }
    }

    /** The entry for {@code text}, or null when none of it is on screen. */
    private Entry entry(Text text, String value, String kind, boolean ellipsis, boolean tooltip) {
        Bounds box = text.localToScene(text.getBoundsInLocal());
        Clip clip = clip(text);
        Bounds seen = intersect(box, clip.area());
        if (seen == null || seen.getWidth() < 1 || seen.getHeight() < 1) {
            return null;
        }
        boolean clippedAcross = seen.getMinX() > box.getMinX() + SLACK || seen.getMaxX() < box.getMaxX() - SLACK;
        Bounds upright = intersect(box, clip.uprightArea());
        boolean clippedDown = upright == null || upright.getMinY() > box.getMinY() + SLACK
                || upright.getMaxY() < box.getMaxY() - SLACK;
        Point2D centre = new Point2D(seen.getCenterX(), seen.getCenterY());
        Color background = background(text, centre);
        Color foreground = over(solid(text.getFill()), opacity(text), background);
        return new Entry(value, kind, ellipsis || clippedAcross || clippedDown,
                Math.round(contrast(foreground, background) * 100) / 100.0, large(text.getFont()), tooltip,
                where(text));
    }

    /**
     * Where a node can be seen: the window, narrowed by every clip above it. A scrolling viewport
     * (a scroll pane's, a table's) cuts only across: what it hides above or below is a scroll away.
     */
    private record Clip(Bounds area, Bounds uprightArea) {
    }

    private Clip clip(Node node) {
        Bounds window = new BoundingBox(0, 0, scene.getWidth(), scene.getHeight());
        Bounds area = window;
        Bounds upright = null; // no clip down yet
        boolean inScroller = false;
        for (Node n = node; n != null; n = n.getParent()) {
            if (n.getClip() != null) {
                Bounds c = n.localToScene(n.getClip().getBoundsInParent());
                area = intersectOrEmpty(area, c);
                // Inside a scrolling viewport, whatever clips the viewport itself (a split pane's side, say)
                // hides the same rows the viewport does: they are a scroll away too.
                inScroller |= scrolls(n);
                if (!inScroller) {
                    upright = upright == null ? c : intersectOrEmpty(upright, c);
                }
            }
        }
        // The window's edge too: a scroller ending at the foot of the window scrolls what runs past it.
        if (!inScroller) {
            upright = upright == null ? window : intersectOrEmpty(upright, window);
        }
        // Across, the scrolling clips count too; down, only the others.
        return new Clip(area, upright == null
                ? new BoundingBox(area.getMinX(), -Double.MAX_VALUE / 4, area.getWidth(), Double.MAX_VALUE / 2)
                : new BoundingBox(area.getMinX(), upright.getMinY(), area.getWidth(), upright.getHeight()));
    }

    private static boolean scrolls(Node clipped) {
        return clipped.getParent() instanceof VirtualFlow || clipped.getStyleClass().contains("viewport");
    }

    private static Bounds intersectOrEmpty(Bounds a, Bounds b) {
        Bounds i = intersect(a, b);
        return i == null ? new BoundingBox(a.getMinX(), a.getMinY(), 0, 0) : i;
    }

    private static Bounds intersect(Bounds a, Bounds b) {
        double minX = Math.max(a.getMinX(), b.getMinX());
        double minY = Math.max(a.getMinY(), b.getMinY());
        double maxX = Math.min(a.getMaxX(), b.getMaxX());
        double maxY = Math.min(a.getMaxY(), b.getMaxY());
        return maxX < minX || maxY < minY ? null : new BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }

    private static Text shownText(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text t && child.getStyleClass().contains("text")) {
                return t;
            }
        }
        return null;
    }

    private static String withoutMnemonic(String value) {
        int i = value.indexOf('_');
        return i < 0 || i == value.length() - 1 ? value : value.substring(0, i) + value.substring(i + 1);
    }

    private static String kind(Labeled labeled) {
        if (labeled instanceof IndexedCell<?>) {
            return labeled instanceof ListCell<?> ? LIST_CELL : TABLE_CELL;
        }
        if (labeled instanceof Hyperlink) {
            return LINK;
        }
        if (labeled instanceof CheckBox || labeled instanceof RadioButton) {
            return CHECK;
        }
        if (labeled instanceof ButtonBase || labeled.getParent() instanceof ButtonBase) {
            return BUTTON; // a menu button shows its text in a label of its own
        }
        if (labeled.getStyleClass().contains("tab-label")) {
            return TAB;
        }
        for (Node n = labeled.getParent(); n != null; n = n.getParent()) {
            if (n instanceof TableColumnHeader) {
                return HEADER;
            }
            if (n instanceof Control) {
                break;
            }
        }
        return LABEL;
    }

    private static boolean hasTooltip(Control control) {
        Tooltip tip = control.getTooltip();
        if (tip == null && control.getProperties().get(TOOLTIP_KEY) instanceof Tooltip installed) {
            tip = installed;
        }
        return tip != null && tip.getText() != null && !tip.getText().isBlank();
    }

    private static String where(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n.getId() != null && !n.getId().isEmpty()) {
                return n.getId();
            }
        }
        return "";
    }

    private static boolean large(Font font) {
        if (font == null) {
            return false;
        }
        String style = font.getStyle().toLowerCase(Locale.ROOT);
        boolean bold = style.contains("bold") && !style.contains("semi") && !style.contains("demi");
        return font.getSize() >= 24 || (bold && font.getSize() >= 18.66);
    }

    // --- colour -------------------------------------------------------------------------------------

    /** What is painted under {@code node} at {@code point}: the layers below it, blended down to the first opaque one. */
    private Color background(Node node, Point2D point) {
        List<Layer> layers = new ArrayList<>(); // topmost first
        Node child = node;
        boolean opaque = false;
        for (Parent parent = node.getParent(); parent != null && !opaque; child = parent, parent = parent.getParent()) {
            List<Node> siblings = parent.getChildrenUnmodifiable();
            for (int i = siblings.indexOf(child) - 1; i >= 0 && !opaque; i--) {
                opaque = paintAt(siblings.get(i), point, layers);
            }
            if (!opaque) {
                opaque = ownPaint(parent, point, layers);
            }
        }
        Color base = opaque ? Color.WHITE : solid(scene.getFill());
        for (int i = layers.size() - 1; i >= 0; i--) {
            Color c = layers.get(i).color();
            base = over(Color.color(c.getRed(), c.getGreen(), c.getBlue()), layers.get(i).alpha(), base);
        }
        return base;
    }

    private record Layer(Color color, double alpha) {
    }

    /** Collects what {@code node} and its children paint at {@code point}, topmost first; true once opaque. */
    private boolean paintAt(Node node, Point2D point, List<Layer> layers) {
        if (!node.isVisible() || node.getOpacity() == 0 || node instanceof Text
                || !node.localToScene(node.getBoundsInLocal()).contains(point)) {
            return false;
        }
        if (node instanceof Parent parent) {
            List<Node> children = parent.getChildrenUnmodifiable();
            for (int i = children.size() - 1; i >= 0; i--) {
                if (paintAt(children.get(i), point, layers)) {
                    return true;
                }
            }
        }
        return ownPaint(node, point, layers);
    }

    private boolean ownPaint(Node node, Point2D point, List<Layer> layers) {
        double opacity = opacity(node);
        Point2D local = node.sceneToLocal(point);
        if (node instanceof Region region && region.getBackground() != null) {
            List<BackgroundFill> fills = region.getBackground().getFills();
            for (int i = fills.size() - 1; i >= 0; i--) {
                BackgroundFill fill = fills.get(i);
                var in = fill.getInsets();
                boolean covers = local.getX() >= in.getLeft() && local.getX() <= region.getWidth() - in.getRight()
                        && local.getY() >= in.getTop() && local.getY() <= region.getHeight() - in.getBottom();
                if (covers && add(fill.getFill(), opacity, layers)) {
                    return true;
                }
            }
        } else if (node instanceof Shape shape && shape.getFill() != null && shape.contains(local)) {
            return add(shape.getFill(), opacity, layers);
        }
        return false;
    }

    private static boolean add(Paint paint, double opacity, List<Layer> layers) {
        Color c = solid(paint);
        double alpha = c.getOpacity() * opacity;
        if (alpha <= 0) {
            return false;
        }
        layers.add(new Layer(c, alpha));
        return alpha >= 0.999;
    }

    /** The opacity a node is drawn with: its own times every parent's (a disabled control's, say). */
    private static double opacity(Node node) {
        double o = 1;
        for (Node n = node; n != null; n = n.getParent()) {
            o *= n.getOpacity();
        }
        return o;
    }

    /** A paint as one colour: a gradient as the mean of its stops; anything else as white. */
    static Color solid(Paint paint) {
        if (paint instanceof Color c) {
            return c;
        }
        List<Stop> stops = paint instanceof javafx.scene.paint.LinearGradient g ? g.getStops()
                : paint instanceof javafx.scene.paint.RadialGradient r ? r.getStops() : List.of();
        if (stops.isEmpty()) {
            return Color.WHITE;
        }
        double r = 0, g = 0, b = 0, a = 0;
        for (Stop s : stops) {
            r += s.getColor().getRed();
            g += s.getColor().getGreen();
            b += s.getColor().getBlue();
            a += s.getColor().getOpacity();
        }
        int n = stops.size();
        return new Color(r / n, g / n, b / n, a / n);
    }

    /** {@code top} with its own alpha times {@code opacity}, drawn over the opaque {@code below}. */
    static Color over(Color top, double opacity, Color below) {
        double a = top.getOpacity() * opacity;
        return new Color(top.getRed() * a + below.getRed() * (1 - a), top.getGreen() * a + below.getGreen() * (1 - a),
                top.getBlue() * a + below.getBlue() * (1 - a), 1);
    }

    /** WCAG 2 contrast ratio of two opaque colours, 1 to 21. */
    public static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** WCAG 2 relative luminance of an sRGB colour. */
    static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.04045 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }
}
