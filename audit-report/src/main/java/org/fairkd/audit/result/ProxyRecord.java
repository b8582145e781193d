package org.fairkd.audit.result;

import org.fairkd.datasets.proxy.EvidenceMix;

/**
 * The race/ethnicity proxy an audit's soft membership came from (issue 16): which proxy and which
 * evidence its rows had.
 *
 * @param method the proxy method, e.g. "BISG (CFPB 2014, Census 2010)"
 * @param evidence the evidence mix of the proxied rows
 */
public record ProxyRecord(String method, EvidenceMix evidence) {}
