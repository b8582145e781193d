/**
 * Reading policy YAML with line numbers ({@link org.fairkd.policies.yaml.SourceDoc}, {@link
 * org.fairkd.policies.yaml.Node}), resolving includes and overrides ({@link
 * org.fairkd.policies.yaml.PolicyLoader}), validating rules ({@link
 * org.fairkd.policies.yaml.RuleParser}) and writing a resolved policy back as YAML ({@link
 * org.fairkd.policies.yaml.PolicyWriter}).
 */
package org.fairkd.policies.yaml;
