package org.fairkd.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the tool version from the jar manifest (or "dev" when run from classes). */
public final class VersionProvider implements IVersionProvider {

  /** The fairkd version string, as recorded in provenance. */
  public static String version() {
    String v = FairkdCommand.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0-SNAPSHOT" : v;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"fairkd " + version()};
  }
}
