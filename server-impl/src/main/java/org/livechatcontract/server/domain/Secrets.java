package org.livechatcontract.server.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** Hashing of passwords and login tokens. Neither is ever stored in the clear. */
public final class Secrets {
  private static final int PBKDF2_ITERATIONS = 10_000;
  private static final SecureRandom SALTS = new SecureRandom();

  private Secrets() {}

  /** Rocket.Chat's {@code hashedToken}: base64 of the SHA-256 of the login token. */
  public static String hashToken(String token) {
    return Base64.getEncoder().encodeToString(sha256(token.getBytes(StandardCharsets.UTF_8)));
  }

  /** Compares two hashes in time that does not depend on where they differ. */
  public static boolean sameHash(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }

  /** {@code pbkdf2$<iterations>$<salt>$<hash>}. */
  public static String hashPassword(String password) {
    byte[] salt = new byte[16];
    SALTS.nextBytes(salt);
    return hashPassword(password, salt);
  }

  /** The same, with the salt drawn from {@code ids}: reproducible under a seed ({@link Ids#seeded}). */
  public static String hashPassword(String password, Ids ids) {
    return hashPassword(password, ids.bytes(16));
  }

  private static String hashPassword(String password, byte[] salt) {
    byte[] hash = pbkdf2(password, salt, PBKDF2_ITERATIONS);
    Base64.Encoder b64 = Base64.getEncoder();
    return "pbkdf2$" + PBKDF2_ITERATIONS + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
  }

  public static boolean passwordMatches(String password, String stored) {
    String[] parts = stored.split("\\$");
    if (parts.length != 4 || !"pbkdf2".equals(parts[0])) {
      return false;
    }
    Base64.Decoder b64 = Base64.getDecoder();
    byte[] expected = b64.decode(parts[3]);
    byte[] actual = pbkdf2(password, b64.decode(parts[2]), Integer.parseInt(parts[1]));
    return MessageDigest.isEqual(expected, actual);
  }

  private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
    try {
      PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17 runtime", e);
    }
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
