package io.spineconsole.ui.common;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** Every icon the console uses, named for what it means here. The only place icon packs are named. */
public enum AppIcon {
    REGISTRATIONS(Material2AL.DOMAIN),
    MESSAGES(Material2MZ.SWAP_HORIZ),
    MIGRATION(Material2AL.CLOUD_UPLOAD),
    SEARCH(Material2MZ.SEARCH),
    REFRESH(Material2MZ.REFRESH),
    SETTINGS(Material2MZ.SETTINGS),
    PROFILES(Material2MZ.SETTINGS_ETHERNET),
    THEME_LIGHT(Material2MZ.WB_SUNNY),
    THEME_DARK(Material2MZ.NIGHTS_STAY),
    ABOUT(Material2AL.INFO),
    FOLDER(Material2AL.FOLDER_OPEN),
    ONLINE(Material2AL.CLOUD_DONE),
    CONNECTING(Material2AL.HOURGLASS_EMPTY),
    DEGRADED(Material2MZ.SYNC_PROBLEM),
    OFFLINE(Material2AL.CLOUD_OFF),
    UNAUTHORISED(Material2AL.LOCK),
    ROLE(Material2AL.ACCOUNT_CIRCLE),
    ERROR(Material2AL.ERROR),
    WARNING(Material2MZ.WARNING),
    COPY(Material2AL.CONTENT_COPY),
    /** Collapses the sidebar to its icons, or opens it again. */
    MENU(Material2MZ.MENU),
    COMMAND(Material2AL.KEYBOARD),
    ADD(Material2AL.ADD),
    DELETE(Material2AL.DELETE),
    EDIT(Material2AL.EDIT),
    // Migration workspace
    CLOSE(Material2AL.CLOSE),
    GRAPH(Material2AL.ACCOUNT_TREE),
    BOARD_COLUMNS(Material2MZ.VIEW_COLUMN),
    BOARD_LIST(Material2MZ.VIEW_LIST),
    DATA_CENTRE(Material2MZ.STORAGE),
    CLOUD(Material2AL.CLOUD),
    DONE(Material2AL.CHECK_CIRCLE),
    NOT_DONE(Material2MZ.RADIO_BUTTON_UNCHECKED),
    BLOCKED(Material2AL.BLOCK),
    MOVE(Material2AL.ARROW_FORWARD),
    HISTORY(Material2AL.HISTORY),
    LINK(Material2AL.LINK),
    OPEN(Material2MZ.OPEN_IN_NEW),
    EXPORT(Material2MZ.SAVE_ALT),
    // Message flow workspace
    PLAY(Material2MZ.PLAY_ARROW),
    PAUSE(Material2MZ.PAUSE),
    REDELIVER(Material2MZ.REPLAY),
    SAVE(Material2AL.BOOKMARK_BORDER),
    SAVED(Material2AL.BOOKMARKS),
    BACK(Material2AL.ARROW_BACK),
    CANCEL(Material2AL.CANCEL),
    CLEAR(Material2AL.CLEAR),
    FILTER(Material2AL.FILTER_LIST),
    CHART(Material2MZ.SHOW_CHART),
    HEALTH(Material2MZ.SPEED),
    TIMELINE(Material2MZ.TIMELINE),
    STATUS_OK(Material2AL.CHECK_CIRCLE),
    STATUS_FAILED(Material2AL.ERROR_OUTLINE),
    STATUS_WAITING(Material2MZ.SCHEDULE),
    STATUS_MOVING(Material2AL.ARROW_FORWARD),
    DEAD_LETTER(Material2AL.INBOX),
    JOBS(Material2AL.LIST_ALT),
    PAYLOAD(Material2AL.CODE),
    PREVIOUS(Material2MZ.NAVIGATE_BEFORE),
    NEXT(Material2MZ.NAVIGATE_NEXT),
    // Registrations workspace
    APPROVED(Material2AL.CHECK_CIRCLE_OUTLINE),
    SUSPENDED(Material2MZ.PAUSE_CIRCLE_OUTLINE),
    RETIRED(Material2AL.ARCHIVE),
    IMPORT(Material2AL.FILE_UPLOAD),
    CHECKS(Material2AL.FACT_CHECK),
    CERTIFICATE(Material2MZ.VERIFIED_USER),
    SAVE_CHANGES(Material2MZ.SAVE),
    COMPARE(Material2AL.COMPARE_ARROWS),
    // Administration workspace
    ADMIN(Material2AL.ADMIN_PANEL_SETTINGS),
    TOKEN(Material2MZ.VPN_KEY),
    // Alerts
    ALERT(Material2MZ.NOTIFICATIONS_ACTIVE),
    NO_ALERT(Material2MZ.NOTIFICATIONS_NONE),
    ACKNOWLEDGE(Material2AL.DONE_ALL),
    SNOOZE(Material2MZ.SNOOZE),
    RULE(Material2MZ.RULE);

    private final Ikon ikon;

    AppIcon(Ikon ikon) {
        this.ikon = ikon;
    }

    public Ikon ikon() {
        return ikon;
    }
}
