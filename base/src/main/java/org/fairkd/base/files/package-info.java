/** File utilities: SHA-256 of files and text, atomic writes of files and directories. */
package org.fairkd.base.files;
