package org.livechatcontract.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The command line: help, and a clear refusal of bad options. */
class MainTest {
  @Test
  void helpExitsZero() {
    assertEquals(0, Main.run("--help"));
  }

  @Test
  void anUnknownOptionOrABadPortExitsTwo() {
    assertEquals(2, Main.run("--no-such-option"));
    assertEquals(2, Main.run("--port", "not-a-number"));
    assertEquals(2, Main.run("--port", "70000"));
  }

  @Test
  void aMissingFixtureFileExitsTwo() {
    assertEquals(2, Main.run("--port", "0", "--fixtures", "/no/such/fixture.yaml"));
  }

  @Test
  void aClockThatIsNotAnInstantOrANegativeJournalSizeExitsTwo() {
    assertEquals(2, Main.run("--port", "0", "--clock", "yesterday"));
    assertEquals(2, Main.run("--port", "0", "--seed", "x"));
    assertEquals(2, Main.run("--port", "0", "--journal-size", "-1"));
  }

  @Test
  void helpNamesEveryOptionWithItsEnvironmentVariable() {
    java.io.StringWriter out = new java.io.StringWriter();
    new picocli.CommandLine(new Main()).setOut(new java.io.PrintWriter(out)).execute("--help");
    for (String option : new String[] {"--port", "--host", "--fixtures", "--seed", "--clock", "--cors-origins", "--no-cors",
        "--no-admin-api", "--journal-size"}) {
      org.junit.jupiter.api.Assertions.assertTrue(out.toString().contains(option), option + " in\n" + out);
    }
    for (String env : new String[] {"LIVECHAT_PORT", "LIVECHAT_HOST", "LIVECHAT_FIXTURES", "LIVECHAT_SEED", "LIVECHAT_CLOCK",
        "LIVECHAT_CORS_ORIGINS", "LIVECHAT_NO_CORS", "LIVECHAT_NO_ADMIN_API", "LIVECHAT_JOURNAL_SIZE"}) {
      org.junit.jupiter.api.Assertions.assertTrue(out.toString().contains(env), env + " in\n" + out);
    }
  }
}
