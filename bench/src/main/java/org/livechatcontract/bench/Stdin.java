package org.livechatcontract.bench;

import java.io.IOException;

/** A child JVM of the runner lives until the runner closes its standard input (or dies). */
final class Stdin {
  private Stdin() {}

  static void awaitClose() {
    try {
      while (System.in.read() != -1) {
        // nothing is sent; end of input is the signal
      }
    } catch (IOException e) {
      // a broken pipe means the same
    }
  }
}
