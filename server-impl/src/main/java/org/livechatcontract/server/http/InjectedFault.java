package org.livechatcontract.server.http;

/** An error answer that a stub fault rule asks for; {@link ErrorMapper} renders it like a real one. */
public final class InjectedFault extends RuntimeException {
  private final int status;
  private final String error;

  /** @param error the body's {@code error} text, or null for the usual text of the status */
  public InjectedFault(int status, String error) {
    super("injected " + status, null, false, false);
    this.status = status;
    this.error = error;
  }

  public int status() {
    return status;
  }

  public String error() {
    return error;
  }
}
