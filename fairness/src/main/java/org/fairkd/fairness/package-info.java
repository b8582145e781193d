/** fairkd fairness module. */
package org.fairkd.fairness;
