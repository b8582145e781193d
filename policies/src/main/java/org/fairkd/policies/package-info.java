/**
 * Release policies as code: YAML rule files with includes and overrides, their validation (errors
 * name file, line and key), bundled packs, and evaluation against an audit result into verdicts
 * with evidence. Start at {@link org.fairkd.policies.Policies}.
 */
package org.fairkd.policies;
