package org.livechatcontract.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** What the access log and the journal may keep of a request. */
class RedactionTest {
  private final Redaction redaction = Redaction.fromClasspathSpec();

  @Test
  void aVisitorTokenInAPathIsMaskedWhereTheSpecHasATokenParameter() {
    assertEquals("/api/v1/livechat/visitor/***/room", redaction.path("/api/v1/livechat/visitor/s3cret/room"));
    assertEquals("/api/v1/livechat/visitor", redaction.path("/api/v1/livechat/visitor"));
    assertEquals("/api/v1/livechat/room", redaction.path("/api/v1/livechat/room"));
    assertEquals("/api/v1/other/s3cret/room", redaction.path("/api/v1/other/s3cret/room"));
  }

  @Test
  void secretQueryValuesAreMaskedAndTheRestKept() {
    assertEquals("token=***&rid=abc", redaction.query("token=s3cret&rid=abc"));
    assertEquals("token%5B%5D=***&Password=***&x", redaction.query("token%5B%5D=a&Password=b&x"));
    assertNull(redaction.query(null));
  }

  @Test
  void credentialHeadersAreMasked() {
    assertEquals("***", redaction.header("X-Auth-Token", "abc"));
    assertEquals("***", redaction.header("cookie", "rc_token=abc"));
    assertEquals("***", redaction.header("Authorization", "Bearer abc"));
    assertEquals("u1", redaction.header("X-User-Id", "u1"));
  }

  @Test
  void secretKeysAreMaskedAtAnyDepthAndANonJsonBodyIsNotKept() {
    assertEquals("{\"visitor\":{\"token\":\"***\",\"name\":\"Mary\"}}",
        redaction.body("{\"visitor\":{\"token\":\"s3cret\",\"name\":\"Mary\"}}"));
    assertEquals("{\"data\":{\"authToken\":\"***\"},\"list\":[{\"password\":\"***\"}],\"resume\":\"***\"}",
        redaction.body("{\"data\":{\"authToken\":\"t\"},\"list\":[{\"password\":{\"x\":\"p\"}}],\"resume\":\"r\"}"));
    assertNull(redaction.body("user=admin&password=admin"));
    assertNull(redaction.body("{\"password\":\"admin\""));
    assertNull(redaction.body("\"just a string\""));
  }
}
