/**
 * The regulatory evidence map: bundled, versioned framework files (one YAML per framework, {@link
 * org.fairkd.report.regulatory.Frameworks}), each item citing its source and naming the report
 * section, metric or audit block that evidences it, rendered as the report's table "what this
 * report evidences, and what it does not". An evidence map, never legal advice.
 */
package org.fairkd.report.regulatory;
