/**
 * Counting rules: victims, acts, events and sources are different counts, and every table says
 * which it counts. The entry is {@link org.tumen.document.count.Counter}.
 */
package org.tumen.document.count;
