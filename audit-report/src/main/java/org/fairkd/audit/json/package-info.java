/**
 * JSON at the file edge: audit.json written from and read back into an {@link
 * org.fairkd.audit.result.AuditResult} (one writer, one reader), the fairness results' JSON shapes
 * ({@code fairkd metrics} and each model's part of audit.json), the estimate ↔ JSON mapping, the
 * policy's recorded evaluation, and distill.json seen as the audit's distillation.
 */
package org.fairkd.audit.json;
