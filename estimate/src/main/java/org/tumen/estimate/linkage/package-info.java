/**
 * Linkage error in the capture table: the expected missed and false links of a linkage run, per
 * pair of lists, and the correction of the table for them (docs/methods.md, "Linkage errors").
 */
package org.tumen.estimate.linkage;
