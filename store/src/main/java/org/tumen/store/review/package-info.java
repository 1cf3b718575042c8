/**
 * Linkage review: the queue of uncertain pairs (sealed evidence side by side) and reviewers'
 * decisions, which the next linkage run uses as constraints (docs/linkage.md, "Review").
 */
package org.tumen.store.review;
