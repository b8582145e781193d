/**
 * The typed audit: {@link org.fairkd.audit.result.AuditResult} and the records it is made of
 * (models with roles, reliability bins, the distillation seen through the figures the audit needs,
 * the policy's recorded evaluation, provenance). JSON appears only at the file edge ({@code
 * org.fairkd.audit.json}).
 */
package org.fairkd.audit.result;
