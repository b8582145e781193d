/** fairkd datasets module. */
package org.fairkd.datasets;
