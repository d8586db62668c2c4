package org.livechatcontract.server.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * JSON values from a schema, as Schemathesis draws them: the edges of what the schema allows, random
 * values inside it, and values just outside it. Every draw comes from one seeded random source, so a seed
 * replays the same values.
 *
 * <p>Covers the schema keywords the spec uses ({@code type}, {@code enum}, {@code format}, lengths,
 * ranges, {@code required}, {@code properties}, {@code additionalProperties}, {@code items},
 * {@code nullable}). An object is closed only where the schema says {@code additionalProperties: false}; a
 * schema without a type allows any value.
 */
final class Values {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Alphabets for random text: plain, punctuation, accents, CJK, emoji, right-to-left, combining marks, blanks. */
  private static final List<String> ALPHABETS = List.of(
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
      "abcdefghijklmnopqrstuvwxyz0123456789-_.~",
      " !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
      "àéîõüßøçñÅÆŒ",
      "中文字符日本語한국어",
      "\uD83D\uDE00\uD83C\uDF89\uD83D\uDC4D\u2764\uFE0F",
      "مرحباשלום",
      "e\u0301a\u0308o\u0302",
      " \t");
  static final int LONG = 4096;
  static final int OVERSIZED = 64 * 1024;

  /** A value with a short description of how it was chosen. */
  record Sample(String label, JsonNode value) {}

  private final SplittableRandom random;

  Values(SplittableRandom random) {
    this.random = random;
  }

  // Valid values.

  /**
   * Values at the edges of what the schema allows; the first one is the plainest. {@code nonEmpty} is for
   * path parameters, which need a character that is not blank.
   */
  List<Sample> boundary(Schema<?> s, boolean nonEmpty) {
    List<Sample> out = new ArrayList<>();
    if (s.getEnum() != null && !s.getEnum().isEmpty()) {
      s.getEnum().forEach(v -> out.add(new Sample("enum value " + v, scalar(v))));
      return out;
    }
    switch (type(s)) {
      case "string" -> {
        int min = Math.max(s.getMinLength() == null ? 0 : s.getMinLength(), nonEmpty ? 1 : 0);
        Integer max = s.getMaxLength();
        if (s.getFormat() != null && formatted(s.getFormat()) != null) {
          out.add(new Sample("a " + s.getFormat(), NODES.textNode(formatted(s.getFormat()))));
          return out;
        }
        out.add(new Sample("plain text", NODES.textNode(repeat("a", Math.max(min, Math.min(8, max == null ? 8 : max))))));
        out.add(new Sample(min == 0 ? "an empty string" : "the shortest string (" + min + ")", NODES.textNode(repeat("a", min))));
        out.add(new Sample("one character over the minimum", NODES.textNode(repeat("b", min + 1))));
        if (max != null) {
          out.add(new Sample("the longest string (" + max + ")", NODES.textNode(repeat("c", max))));
        } else {
          out.add(new Sample("a long string (" + LONG + ")", NODES.textNode(repeat("long", LONG / 4))));
        }
        out.add(new Sample("unicode text", NODES.textNode("Ünïcødé 中文 \uD83D\uDE00 مرحبا e\u0301")));
        if (!nonEmpty) {
          out.add(new Sample("blank text", NODES.textNode(repeat(" ", Math.max(min, 1)))));
        }
      }
      case "integer", "number" -> {
        BigDecimal min = s.getMinimum() != null ? s.getMinimum() : "int32".equals(s.getFormat())
            ? BigDecimal.valueOf(Integer.MIN_VALUE) : null;
        BigDecimal max = s.getMaximum() != null ? s.getMaximum() : "int32".equals(s.getFormat())
            ? BigDecimal.valueOf(Integer.MAX_VALUE) : null;
        out.add(new Sample("zero", NODES.numberNode(clamp(BigDecimal.ZERO, min, max))));
        if (min != null) {
          out.add(new Sample("the minimum", NODES.numberNode(min)));
        }
        if (max != null) {
          out.add(new Sample("the maximum", NODES.numberNode(max)));
        }
      }
      case "boolean" -> {
        out.add(new Sample("true", NODES.booleanNode(true)));
        out.add(new Sample("false", NODES.booleanNode(false)));
      }
      case "array" -> {
        int minItems = s.getMinItems() == null ? 0 : s.getMinItems();
        Sample item = boundary(s.getItems(), false).get(0);
        if (minItems == 0) {
          out.add(new Sample("an empty array", NODES.arrayNode()));
        }
        ArrayNode one = NODES.arrayNode();
        for (int i = 0; i < Math.max(1, minItems); i++) {
          one.add(item.value().deepCopy());
        }
        out.add(new Sample("an array of " + one.size(), one));
      }
      case "object" -> {
        out.add(new Sample("only the required keys", object(s, false)));
        if (s.getProperties() != null && s.getProperties().size() > required(s).size()) {
          out.add(new Sample("every key", object(s, true)));
        }
      }
      default -> out.add(new Sample("a string", NODES.textNode("x")));
    }
    return out;
  }

  /** A random value the schema allows. */
  JsonNode random(Schema<?> s, boolean nonEmpty) {
    if (s.getEnum() != null && !s.getEnum().isEmpty()) {
      return scalar(s.getEnum().get(random.nextInt(s.getEnum().size())));
    }
    switch (type(s)) {
      case "string" -> {
        if (s.getFormat() != null && formatted(s.getFormat()) != null) {
          return NODES.textNode(formatted(s.getFormat()));
        }
        int min = Math.max(s.getMinLength() == null ? 0 : s.getMinLength(), nonEmpty ? 1 : 0);
        int max = s.getMaxLength() == null ? (random.nextInt(10) == 0 ? 2000 : 24) : s.getMaxLength();
        String text = text(min + random.nextInt(Math.max(1, max - min + 1)));
        return NODES.textNode(nonEmpty && text.isBlank() ? "p" + text.substring(1) : text);
      }
      case "integer" -> {
        long min = s.getMinimum() == null ? -1000 : s.getMinimum().longValue();
        long max = s.getMaximum() == null ? 1000 : s.getMaximum().longValue();
        return NODES.numberNode(min + random.nextLong(max - min + 1));
      }
      case "number" -> {
        double min = s.getMinimum() == null ? -1000 : s.getMinimum().doubleValue();
        double max = s.getMaximum() == null ? 1000 : s.getMaximum().doubleValue();
        return NODES.numberNode(min + random.nextDouble() * (max - min));
      }
      case "boolean" -> {
        return NODES.booleanNode(random.nextBoolean());
      }
      case "array" -> {
        ArrayNode a = NODES.arrayNode();
        int min = s.getMinItems() == null ? 0 : s.getMinItems();
        int max = s.getMaxItems() == null ? 3 : s.getMaxItems();
        int n = min + random.nextInt(Math.max(1, max - min + 1));
        for (int i = 0; i < n; i++) {
          a.add(random(s.getItems(), false));
        }
        return a;
      }
      case "object" -> {
        ObjectNode o = NODES.objectNode();
        if (s.getProperties() != null) {
          s.getProperties().forEach((name, p) -> {
            if (required(s).contains(name) || random.nextBoolean()) {
              o.set(name, random(p, false));
            }
          });
        }
        return o;
      }
      default -> {
        return NODES.textNode(text(8));
      }
    }
  }

  /** Random text of this many code points, each from one of the alphabets. */
  String text(int length) {
    StringBuilder sb = new StringBuilder();
    String alphabet = ALPHABETS.get(random.nextInt(3) == 0 ? random.nextInt(ALPHABETS.size()) : 0);
    for (int i = 0; i < length; i++) {
      if (random.nextInt(8) == 0) {
        alphabet = ALPHABETS.get(random.nextInt(ALPHABETS.size()));
      }
      int[] cps = alphabet.codePoints().toArray();
      sb.appendCodePoint(cps[random.nextInt(cps.length)]);
    }
    return sb.toString();
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  /** The plainest valid object: the first boundary value of each key (all keys, or only the required ones). */
  ObjectNode object(Schema<?> s, boolean allKeys) {
    ObjectNode o = NODES.objectNode();
    if (s.getProperties() != null) {
      s.getProperties().forEach((name, p) -> {
        if (allKeys || required(s).contains(name)) {
          o.set(name, boundary(p, false).get(0).value());
        }
      });
    }
    return o;
  }

  // Invalid values.

  /** Values of the wrong JSON type for this schema, and values just outside its constraints. */
  List<Sample> invalid(Schema<?> s) {
    List<Sample> out = new ArrayList<>();
    String type = type(s);
    if ("any".equals(type)) {
      return out; // a schema without a type allows every value, null included
    }
    switch (type) {
      case "string" -> {
        out.add(new Sample("a number instead of a string", NODES.numberNode(42)));
        out.add(new Sample("an object instead of a string", NODES.objectNode().put("a", "b")));
        if (s.getMinLength() != null && s.getMinLength() > 0) {
          out.add(new Sample("a string shorter than " + s.getMinLength(), NODES.textNode(repeat("a", s.getMinLength() - 1))));
        }
        if (s.getMaxLength() != null) {
          out.add(new Sample("a string longer than " + s.getMaxLength(), NODES.textNode(repeat("a", s.getMaxLength() + 1))));
        }
        if (s.getEnum() != null) {
          out.add(new Sample("a string outside the enum", NODES.textNode("not-in-the-enum")));
        }
      }
      case "integer", "number" -> {
        out.add(new Sample("a string instead of a number", NODES.textNode("12")));
        if ("integer".equals(type)) {
          out.add(new Sample("a fraction instead of an integer", NODES.numberNode(1.5)));
        }
        if (s.getMinimum() != null) {
          out.add(new Sample("below the minimum", NODES.numberNode(s.getMinimum().subtract(BigDecimal.ONE))));
        }
        if (s.getMaximum() != null) {
          out.add(new Sample("above the maximum", NODES.numberNode(s.getMaximum().add(BigDecimal.ONE))));
        }
      }
      case "boolean" -> {
        out.add(new Sample("the string \"true\" instead of a boolean", NODES.textNode("true")));
        out.add(new Sample("the number 1 instead of a boolean", NODES.numberNode(1)));
      }
      case "array" -> {
        out.add(new Sample("an object instead of an array", NODES.objectNode()));
        out.add(new Sample("a string instead of an array", NODES.textNode("x")));
      }
      case "object" -> {
        out.add(new Sample("an array instead of an object", NODES.arrayNode().add("x")));
        out.add(new Sample("a string instead of an object", NODES.textNode("x")));
      }
      default -> { }
    }
    if (!Boolean.TRUE.equals(s.getNullable())) {
      out.add(new Sample("null", NODES.nullNode()));
    }
    return out;
  }

  /** Text that a parameter of this schema does not allow (a parameter is text on the wire). */
  List<Sample> invalidText(Schema<?> s) {
    List<Sample> out = new ArrayList<>();
    switch (type(s)) {
      case "integer" -> {
        out.add(new Sample("text that is not a number", NODES.textNode("abc")));
        out.add(new Sample("a fraction instead of an integer", NODES.textNode("1.5")));
      }
      case "number" -> out.add(new Sample("text that is not a number", NODES.textNode("abc")));
      case "boolean" -> out.add(new Sample("text that is not a boolean", NODES.textNode("maybe")));
      default -> { }
    }
    for (Sample sample : invalid(s)) {
      boolean outOfRange = sample.label().startsWith("below") || sample.label().startsWith("above");
      boolean constraint = sample.label().startsWith("a string shorter") || sample.label().startsWith("a string longer")
          || sample.label().startsWith("a string outside");
      if (outOfRange || constraint) {
        out.add(new Sample(sample.label(), NODES.textNode(sample.value().isTextual() ? sample.value().asText()
            : sample.value().toString())));
      }
    }
    return out;
  }

  // Schema helpers.

  static String type(Schema<?> s) {
    if (s.getType() != null) {
      return s.getType();
    }
    if (s.getTypes() != null && !s.getTypes().isEmpty()) {
      return s.getTypes().iterator().next();
    }
    if (s.getProperties() != null) {
      return "object";
    }
    return s.getItems() != null ? "array" : s.getEnum() != null ? "string" : "any";
  }

  /** A string schema with no constraint at all: any text fits it (and so does a value handed out earlier). */
  static boolean plainString(Schema<?> s) {
    return "string".equals(type(s)) && s.getEnum() == null && s.getFormat() == null && s.getPattern() == null
        && s.getMinLength() == null && s.getMaxLength() == null;
  }

  static List<String> required(Schema<?> s) {
    return s.getRequired() == null ? List.of() : s.getRequired();
  }

  static boolean closed(Schema<?> s) {
    return Boolean.FALSE.equals(s.getAdditionalProperties());
  }

  static Map<String, Schema> properties(Schema<?> s) {
    return s.getProperties() == null ? Map.of() : s.getProperties();
  }

  static String repeat(String s, int times) {
    return s.repeat(Math.max(0, times));
  }

  private static JsonNode scalar(Object v) {
    if (v instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (v instanceof Number n) {
      return NODES.numberNode(new BigDecimal(n.toString()));
    }
    return NODES.textNode(String.valueOf(v));
  }

  private static BigDecimal clamp(BigDecimal v, BigDecimal min, BigDecimal max) {
    if (min != null && v.compareTo(min) < 0) {
      return min;
    }
    if (max != null && v.compareTo(max) > 0) {
      return max;
    }
    return v;
  }

  private static String formatted(String format) {
    return switch (format) {
      case "date-time" -> "2021-07-09T20:12:19.795Z";
      case "date" -> "2021-07-09";
      case "email" -> "mary@example.com";
      case "uuid" -> "3fa85f64-5717-4562-b3fc-2c963f66afa6";
      case "uri" -> "http://localhost:3000/x";
      default -> null;
    };
  }
}
