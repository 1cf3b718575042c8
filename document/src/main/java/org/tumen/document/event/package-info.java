/**
 * Event de-duplication: the same event told by several witnesses is one event with several sources.
 * The entry is {@link org.tumen.document.event.EventDeduplicator}.
 */
package org.tumen.document.event;
