package org.livechatcontract.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.livechatcontract.server.support.Chromium;
import org.livechatcontract.server.support.LiveServer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** In real headless Chromium: a page on another origin runs a conversation, and Swagger UI's "Try it out" works. */
class BrowserTest {
  @RegisterExtension
  static final LiveServer server = new LiveServer();

  private static ChromeDriver browser;
  private static HttpServer otherOrigin;

  @BeforeAll
  static void start() throws Exception {
    browser = Chromium.start();
    otherOrigin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    otherOrigin.createContext("/", exchange -> {
      try (InputStream page = BrowserTest.class.getResourceAsStream("/browser/widget.html")) {
        byte[] body = page.readAllBytes();
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
      } finally {
        exchange.close();
      }
    });
    otherOrigin.start();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (otherOrigin != null) {
      otherOrigin.stop(0);
    }
  }

  /** A real click, once the element sits in the middle of the viewport (the page still moves as sections open). */
  private static void click(WebDriverWait wait, WebElement element) {
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    wait.ignoring(org.openqa.selenium.ElementClickInterceptedException.class).until(d -> {
      element.click();
      return true;
    });
  }

  /** Types into a parameter's text box of the open operation, until it holds exactly {@code value}. */
  private static void fill(WebDriverWait wait, String parameter, String value) {
    By box = By.cssSelector("#operations-Omnichannel_Rooms-getLivechatRoom tr[data-param-name='" + parameter
        + "'] input[type='text']");
    wait.ignoring(org.openqa.selenium.ElementNotInteractableException.class)
        .ignoring(org.openqa.selenium.InvalidElementStateException.class)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> {
          WebElement input = d.findElement(box);
          if (!value.equals(input.getAttribute("value"))) {
            input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
                org.openqa.selenium.Keys.BACK_SPACE);
            input.sendKeys(value);
          }
          return value.equals(d.findElement(box).getAttribute("value"));
        });
  }

  @Test
  void aPageOnAnotherOriginRunsAWholeConversation() {
    // localhost:<page port> and 127.0.0.1:<server port> are two origins: every call below is cross-origin
    browser.get("http://localhost:" + otherOrigin.getAddress().getPort() + "/widget.html");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> steps = (List<Map<String, Object>>) browser.executeAsyncScript(
        "const done = arguments[arguments.length - 1]; window.conversation(arguments[0]).then(done);",
        server.baseUri().toString());
    assertEquals(List.of("register", "room", "sameRoomAgain", "managerSeesTheRoom", "say", "history", "close",
            "closedRoomEndsTheHistory"),
        steps.stream().map(s -> s.get("step")).toList(), String.valueOf(steps));
    for (Map<String, Object> step : steps) {
      assertEquals(200L, step.get("status"), String.valueOf(step));
      assertEquals(Boolean.TRUE, step.get("ok"), String.valueOf(step));
    }
  }

  @Test
  void swaggerUiTriesGetLivechatRoomAgainstTheServer() {
    String token = server.newVisitor();
    browser.get(server.baseUri() + "/api-docs/#/Omnichannel%20Rooms/getLivechatRoom");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    By operationId = By.id("operations-Omnichannel_Rooms-getLivechatRoom");
    wait.until(ExpectedConditions.visibilityOfElementLocated(operationId));
    // Open the operation and switch on "Try it out", again if a click lands while the page still renders
    // (on a cold browser the deep link or the first click can be lost): done once the Execute button is there.
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .ignoring(org.openqa.selenium.ElementClickInterceptedException.class)
        .ignoring(org.openqa.selenium.ElementNotInteractableException.class)
        .until(d -> {
          WebElement op = d.findElement(operationId);
          if (!op.findElements(By.cssSelector("button.execute")).isEmpty()) {
            return true;
          }
          if (!String.valueOf(op.getAttribute("class")).contains("is-open")) {
            WebElement summary = op.findElement(By.cssSelector(".opblock-summary"));
            browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", summary);
            summary.click();
            return false;
          }
          for (WebElement tryOut : op.findElements(By.cssSelector("button.try-out__btn"))) {
            if (tryOut.getText().contains("Try it out")) {
              browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", tryOut);
              tryOut.click();
            }
          }
          return !op.findElements(By.cssSelector("button.execute")).isEmpty();
        });
    WebElement operation = browser.findElement(operationId);
    // Swagger UI fills parameters from the spec's examples; the visitor's own token, and no rid or agentId
    fill(wait, "token", token);
    fill(wait, "rid", "");
    fill(wait, "agentId", "");
    click(wait, operation.findElement(By.cssSelector("button.execute")));
    WebElement status = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
        "#operations-Omnichannel_Rooms-getLivechatRoom .live-responses-table .response .response-col_status")));
    String body = operation.findElement(By.cssSelector(".live-responses-table .response-col_description pre")).getText();
    assertEquals("200", status.getText().trim(), body + " from " + operation.findElement(By.cssSelector(".request-url pre")).getText());
    assertTrue(body.contains("\"newRoom\": true") && body.contains("\"username\": \"agent\""), body);
    String url = operation.findElement(By.cssSelector(".request-url pre")).getText();
    assertEquals(server.baseUri() + "/api/v1/livechat/room?token=" + token, url);
  }
}
