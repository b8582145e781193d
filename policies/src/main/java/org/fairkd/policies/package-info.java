/** fairkd policies module. */
package org.fairkd.policies;
