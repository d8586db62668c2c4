package org.livechatcontract.server.domain;

import java.util.regex.Pattern;

/** The email check used wherever a visitor gives an address. */
public final class Emails {
  private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");

  private Emails() {}

  public static boolean isValid(String email) {
    return email != null && EMAIL.matcher(email).matches();
  }
}
