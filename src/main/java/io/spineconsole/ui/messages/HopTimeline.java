package io.spineconsole.ui.messages;

import io.spineconsole.domain.messages.MessageDetail;
import io.spineconsole.ui.common.Icons;
import io.spineconsole.ui.common.TimeCopy;
import io.spineconsole.ui.messages.MessageDetailViewModel.Hop;
import io.spineconsole.ui.messages.MessageDetailViewModel.Lane;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import java.util.List;

/**
 * The hop timeline drawn as lanes — sender, Spine, receiver — with each event an arrow between them
 * (or a mark on the Spine's lane for what happens there: routing, waiting to retry, dead-lettering),
 * in time order down the page, each with its time, attempt, code, description and site in words.
 * A failed hop is drawn dashed and crossed, and says so in words too.
 */
final class HopTimeline extends GridPane {
    private final MessageText text;

    HopTimeline(MessageText text) {
        this.text = text;
        getStyleClass().add("hop-timeline");
        setId("messages-timeline");
        setHgap(12);
        setVgap(0);
        ColumnConstraints time = new ColumnConstraints(92, 100, 130);
        ColumnConstraints lanes = new ColumnConstraints(260, 300, 380);
        lanes.setHgrow(Priority.SOMETIMES);
        ColumnConstraints what = new ColumnConstraints(220, 360, Double.MAX_VALUE);
        what.setHgrow(Priority.ALWAYS);
        getColumnConstraints().addAll(time, lanes, what);
    }

    void show(MessageDetail d, List<Hop> hops) {
        getChildren().clear();
        getRowConstraints().clear();
        if (d == null) {
            return;
        }
        var i18n = text.i18n();
        GridPane heads = new GridPane();
        heads.getStyleClass().add("hop-lane-heads");
        for (int i = 0; i < 3; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100.0 / 3);
            c.setHalignment(HPos.CENTER);
            heads.getColumnConstraints().add(c);
        }
        heads.add(laneHead(i18n.get("messages.lane.sender"), who(d.from()), MessageColumns.partyDetail(text, d.from())), 0, 0);
        heads.add(laneHead(i18n.get("messages.lane.spine"), d.site() == null ? "" : d.site(), ""), 1, 0);
        heads.add(laneHead(i18n.get("messages.lane.receiver"), who(d.to()), MessageColumns.partyDetail(text, d.to())), 2, 0);
        Label whenHead = Views.label(text.withZone(i18n.get("messages.timeline.when")), "hop-head");
        Label whatHead = Views.label(i18n.get("messages.timeline.what"), "hop-head");
        add(whenHead, 0, 0);
        add(heads, 1, 0);
        add(whatHead, 2, 0);
        GridPane.setValignment(whenHead, VPos.BOTTOM);
        GridPane.setValignment(whatHead, VPos.BOTTOM);
        getRowConstraints().add(new RowConstraints());

        int row = 1;
        for (Hop h : hops) {
            // Order matters here: to the millisecond, with the day when the message spans more than today.
            Label at = Views.label(text.timeMillis(h.at(), span(d)), "hop-time");
            at.setMinWidth(Label.USE_PREF_SIZE);
            TimeCopy.install(at, h.at(), text.times(), i18n);
            Label offset = Views.label(h.offset(), "hop-offset");
            VBox when = new VBox(0, at, offset);
            when.setPadding(new Insets(6, 0, 6, 0));

            Label title = new Label(h.title(), Icons.of(MessageText.statusIcon(h.status())));
            title.getStyleClass().addAll("hop-title", MessageText.statusStyle(h.status()));
            VBox what = new VBox(1, title);
            what.setPadding(new Insets(6, 0, 6, 0));
            if (h.code() != null || h.description() != null) {
                // A paragraph that takes as many lines as its width needs and is never cut to "...": a wrapped
                // Label, its preferred width bound to the column's, was cut short at some window widths.
                Text reason = new Text((h.code() == null ? "" : text.errorWithCode(h.code()) + " — ")
                        + (h.description() == null ? "" : h.description()));
                reason.getStyleClass().add(h.failed() ? "hop-why-failed" : "hop-why");
                TextFlow why = new TextFlow(reason);
                why.setPadding(new Insets(0, 6, 0, 0)); // room for the space a wrapped line ends in, inside its bounds
                what.getChildren().add(why);
            }
            String meta = meta(h);
            if (!meta.isEmpty()) {
                what.getChildren().add(Views.label(meta, "hop-meta"));
            }
            what.setAccessibleText(text.dateTime(h.at()) + ", " + h.title() + (h.code() == null ? "" : ", " + h.code())
                    + (h.description() == null ? "" : ", " + h.description()));

            LaneGraphic lanes = new LaneGraphic(h);
            add(when, 0, row);
            add(lanes, 1, row);
            add(what, 2, row);
            GridPane.setFillHeight(lanes, true);
            RowConstraints rc = new RowConstraints();
            rc.setMinHeight(40);
            rc.setValignment(VPos.TOP);
            getRowConstraints().add(rc);
            row++;
        }
    }

    /** How far back the timeline reaches from now: from when the message was received. */
    private java.time.Duration span(MessageDetail d) {
        return d.receivedAt() == null ? null : java.time.Duration.between(d.receivedAt(), text.clock().instant());
    }

    private String meta(Hop h) {
        var i18n = text.i18n();
        StringBuilder s = new StringBuilder();
        if (h.attempt() > 0) {
            s.append(i18n.get("messages.timeline.attempt", h.attempt()));
        }
        if (h.site() != null && !h.site().isBlank()) {
            if (!s.isEmpty()) {
                s.append(" · ");
            }
            s.append(i18n.get("messages.timeline.site", h.site()));
        }
        return s.toString();
    }

    /** A party as short as a lane's head allows: its ODS code (the rest on hover). */
    private static String who(io.spineconsole.domain.messages.MessageParty p) {
        if (p == null) {
            return "";
        }
        return p.odsCode() != null ? p.odsCode() : p.partyKey() != null ? p.partyKey() : MessageColumns.nz(p.asid());
    }

    private static VBox laneHead(String name, String who, String detail) {
        Label n = Views.label(name, "hop-lane-name");
        Label w = Views.label(who, "hop-lane-who");
        // A lane's party or site ("CLOUD-LDN-1") is shown whole, never cut to an ellipsis.
        w.setMinWidth(Label.USE_PREF_SIZE);
        if (!detail.isEmpty()) {
            w.setTooltip(new javafx.scene.control.Tooltip(detail));
        }
        VBox box = new VBox(0, n, w);
        box.setAlignment(Pos.BOTTOM_CENTER);
        box.setPadding(new Insets(0, 0, 4, 0));
        return box;
    }

    /** The three lanes for one hop, with its arrow or mark. */
    private static final class LaneGraphic extends Pane {
        private final Hop hop;
        private final Line[] lanes = {new Line(), new Line(), new Line()};
        private final Line arrow = new Line();
        private final Polygon head = new Polygon();
        private final Circle dot = new Circle(5);
        private final Label cross = new Label(null, Icons.of(io.spineconsole.ui.common.AppIcon.CLEAR));

        LaneGraphic(Hop hop) {
            this.hop = hop;
            getStyleClass().add("hop-lanes");
            setMinHeight(40);
            setPrefHeight(40);
            setMaxHeight(Double.MAX_VALUE);
            for (Line l : lanes) {
                l.getStyleClass().add("hop-lane-line");
                getChildren().add(l);
            }
            String kind = hop.failed() ? "hop-failed" : "hop-ok";
            arrow.getStyleClass().addAll("hop-arrow", kind);
            head.getStyleClass().addAll("hop-arrow-head", kind);
            dot.getStyleClass().addAll("hop-dot", kind);
            cross.getStyleClass().addAll("hop-cross");
            if (hop.from() == hop.to()) {
                getChildren().add(dot);
            } else {
                getChildren().addAll(arrow, head);
                if (hop.failed()) {
                    getChildren().add(cross);
                    arrow.getStrokeDashArray().setAll(6.0, 4.0);
                }
            }
            setAccessibleText(hop.title());
        }

        private double x(Lane lane) {
            double w = getWidth();
            return switch (lane) {
                case SENDER -> w / 6;
                case SPINE -> w / 2;
                case RECEIVER -> w * 5 / 6;
            };
        }

        @Override
        protected void layoutChildren() {
            double h = getHeight();
            double y = Math.min(20, h / 2);
            for (int i = 0; i < 3; i++) {
                double x = x(Lane.values()[i]);
                lanes[i].setStartX(x);
                lanes[i].setEndX(x);
                lanes[i].setStartY(0);
                lanes[i].setEndY(h);
            }
            if (hop.from() == hop.to()) {
                dot.setCenterX(x(hop.from()));
                dot.setCenterY(y);
                return;
            }
            double x1 = x(hop.from());
            double x2 = x(hop.to());
            double dir = Math.signum(x2 - x1);
            arrow.setStartX(x1);
            arrow.setEndX(x2 - dir * 8);
            arrow.setStartY(y);
            arrow.setEndY(y);
            head.getPoints().setAll(x2, y, x2 - dir * 9, y - 5, x2 - dir * 9, y + 5);
            if (hop.failed()) {
                cross.autosize();
                cross.relocate((x1 + x2) / 2 - cross.getWidth() / 2, y - cross.getHeight() / 2);
            }
        }
    }
}
