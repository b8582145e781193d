package org.fairkd.cli;

import java.util.logging.Level;
import java.util.logging.LogManager;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** Routes java.util.logging (Tribuo) into SLF4J and quietens noisy libraries for the CLI. */
final class Logging {
  private Logging() {}

  static void configure() {
    LogManager.getLogManager().reset();
    SLF4JBridgeHandler.install();
    java.util.logging.Logger.getLogger("").setLevel(Level.WARNING);
    java.util.logging.Logger.getLogger("org.tribuo").setLevel(Level.WARNING);
  }
}
