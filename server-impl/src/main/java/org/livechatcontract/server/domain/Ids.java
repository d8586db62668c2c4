package org.livechatcontract.server.domain;

import java.security.SecureRandom;
import java.util.Random;

/** Identifiers and secrets in Rocket.Chat's formats ({@code Random.id()} and {@code Random.secret()}). */
public final class Ids {
  private static final char[] ID_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
  private static final char[] SECRET_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();
  private static final char[] HEX_ALPHABET = "0123456789abcdef".toCharArray();

  private final Random random;

  private Ids(Random random) {
    this.random = random;
  }

  /** Unpredictable ids and secrets. */
  public static Ids secure() {
    return new Ids(new SecureRandom());
  }

  /** Reproducible ids, for deterministic runs and tests. Not for secrets that guard anything real. */
  public static Ids seeded(long seed) {
    return new Ids(new Random(seed));
  }

  /** A 17-character id, like Meteor's {@code Random.id()}. */
  public String id() {
    return draw(ID_ALPHABET, 17);
  }

  /** A 43-character secret, like Meteor's {@code Random.secret()} (used for login tokens). */
  public String secret() {
    return draw(SECRET_ALPHABET, 43);
  }

  /** A 24-hex-digit id, like a Mongo {@code ObjectId} (Rocket.Chat's inquiries have these). */
  public String objectId() {
    return draw(HEX_ALPHABET, 24);
  }

  private String draw(char[] alphabet, int length) {
    char[] out = new char[length];
    synchronized (random) {
      for (int i = 0; i < length; i++) {
        out[i] = alphabet[random.nextInt(alphabet.length)];
      }
    }
    return new String(out);
  }
}
