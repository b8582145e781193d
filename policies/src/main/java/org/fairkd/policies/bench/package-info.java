/** A benchmark main for policy resolution and evaluation on a large synthetic audit result. */
package org.fairkd.policies.bench;
