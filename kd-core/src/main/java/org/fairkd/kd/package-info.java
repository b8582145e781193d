/** fairkd kd-core module. */
package org.fairkd.kd;
