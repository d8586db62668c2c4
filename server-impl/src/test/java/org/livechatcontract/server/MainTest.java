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
}
