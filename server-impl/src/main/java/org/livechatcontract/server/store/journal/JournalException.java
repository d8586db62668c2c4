package org.livechatcontract.server.store.journal;

/** A data file that cannot be used: corrupt, locked by another server, or of an unknown version. */
public final class JournalException extends RuntimeException {
  public JournalException(String message) {
    super(message);
  }

  public JournalException(String message, Throwable cause) {
    super(message, cause);
  }
}
