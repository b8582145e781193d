/**
 * The metric names a policy rule may use, the kind of each (per slice, per attribute, group vs
 * reference, student-vs-teacher comparison, distillation figure), and spelling suggestions.
 */
package org.fairkd.policies.metric;
