package io.spineconsole.app;

import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.settings.ConnectionProfile;
import io.spineconsole.settings.EnvironmentKind;
import io.spineconsole.testing.OidcProvider;
import io.spineconsole.testing.OidcProvider.Person;
import io.spineconsole.testing.Screenshots;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console signs a person in through single sign-on, headless: connecting a profile with an issuer opens
 * the "browser" (a client that follows the issuer's redirect back to the console's loopback listener), the
 * console says it waits for the sign-in meanwhile, and the status bar then names the person and their role.
 */
class SingleSignOnUiTest {
    private static OidcProvider provider;
    private static SandboxFixture sandbox;
    private static ConsoleFixture console;
    private static ConnectionProfile profile;

    @BeforeAll
    static void boot() throws Exception {
        provider = new OidcProvider().signingIn(new Person("9990031", "Asha Patel", List.of("admin")));
        sandbox = SandboxFixture.startWithOidc(provider.settings());
        console = ConsoleFixture.against(sandbox.baseUrl(), sandbox.adminToken(), EnvironmentKind.INT);
        profile = ConnectionProfile.remote("Team server", EnvironmentKind.INT, sandbox.baseUrl())
                .withSingleSignOn(provider.issuer().toString(), OidcProvider.CLIENT_ID);
    }

    @AfterAll
    static void close() throws Exception {
        console.root().connector().signOut(profile).join(); // nothing kept in this computer's credential store
        console.close();
        sandbox.close();
        provider.close();
    }

    @Test
    void signingInThroughTheBrowserNamesThePersonInTheStatusBar() throws Exception {
        assertEquals("Signed in as admin", console.text("#signed-in-role"), "an API token names no person");
        CountDownLatch opened = new CountDownLatch(1);
        CountDownLatch signedInAtTheIssuer = new CountDownLatch(1);
        OkHttpClient browser = new OkHttpClient.Builder().followRedirects(true).build();
        console.root().connector().useBrowser((URI page) -> new Thread(() -> {
            opened.countDown();
            try {
                signedInAtTheIssuer.await(60, TimeUnit.SECONDS); // the person types their credentials meanwhile
                try (Response r = browser.newCall(new Request.Builder().url(page.toString()).build()).execute()) {
                    r.body().string();
                }
            } catch (InterruptedException | IOException e) {
                throw new IllegalStateException(e);
            }
        }, "test-browser").start());

        WaitForAsyncUtils.asyncFx(() -> console.root().shell().connect(profile)).get(10, TimeUnit.SECONDS);
        assertTrue(opened.await(30, TimeUnit.SECONDS), "the browser opened");
        console.waitUntil(20, () -> WaitForAsyncUtils.asyncFx(() -> console.robot().lookup("#startup-overlay")
                .queryAll().stream().anyMatch(SingleSignOnUiTest::saysBrowser)).get(5, TimeUnit.SECONDS));
        WaitForAsyncUtils.asyncFx(() -> {
            Screenshots.write(console.stage().getScene(), "single-sign-on-waiting");
            return null;
        }).get(10, TimeUnit.SECONDS);

        signedInAtTheIssuer.countDown();
        console.waitUntil(60, () -> WaitForAsyncUtils.asyncFx(() -> console.text("#signed-in-role"))
                .get(5, TimeUnit.SECONDS).equals("Signed in as Asha Patel (admin)"));
        ConsoleFixture.waitForTiles(console.robot());
        WaitForAsyncUtils.asyncFx(() -> {
            Screenshots.write(console.stage().getScene(), "single-sign-on-signed-in");
            return null;
        }).get(10, TimeUnit.SECONDS);
        assertEquals("Signed in as Asha Patel (admin)", console.text("#signed-in-role"));
    }

    @Test
    void aProfileTakesAnIssuerAndClientIdAndOffersSingleSignOn() throws Exception {
        var robot = console.robot();
        robot.clickOn("#open-profiles");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(i18n("profiles.new"));
        robot.clickOn("#profile-name").write("Team server (SSO)");
        robot.clickOn("#profile-url").write("https://team.example.nhs.uk");
        robot.clickOn("#profile-sso-issuer").write("http://idp.example.org/realm");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fieldErrors().contains(i18n("profiles.error.ssoIssuer")), fieldErrors().toString());
        javafx.scene.control.TextField issuer = robot.lookup("#profile-sso-issuer").queryAs(javafx.scene.control.TextField.class);
        robot.interact(issuer::clear);
        robot.clickOn(issuer).write("https://idp.example.org/realm");
        robot.clickOn("#profile-save");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fieldErrors().contains(i18n("profiles.error.ssoClientId")), "a client id is needed: " + fieldErrors());
        robot.clickOn("#profile-sso-client-id").write("spine-console-desktop");
        robot.clickOn("#profile-save");
        console.waitUntil(10, () -> robot.lookup("#profile-sso-sign-in").tryQuery().filter(Node::isVisible).isPresent());
        assertTrue(fieldErrors().stream().allMatch(String::isEmpty), fieldErrors().toString());
        WaitForAsyncUtils.asyncFx(() -> {
            Screenshots.write(robot.lookup("#profile-sso-sign-in").query().getScene(), "single-sign-on-profile");
            return null;
        }).get(10, TimeUnit.SECONDS);
        robot.clickOn(i18n("profiles.remove"));
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<String> fieldErrors() {
        return console.robot().lookup(".field-error").queryAllAs(javafx.scene.control.Label.class).stream()
                .map(javafx.scene.control.Label::getText).toList();
    }

    private static String i18n(String key) {
        return new io.spineconsole.ui.common.I18n(java.util.Locale.getDefault()).get(key);
    }

    /** Whether {@code overlay} shows the step that asks the person to finish in their browser. */
    private static boolean saysBrowser(Node overlay) {
        return overlay.isVisible() && overlay.lookupAll(".label").stream().anyMatch(n -> n instanceof Labeled l
                && l.getText() != null && l.getText().contains("browser window"));
    }
}
