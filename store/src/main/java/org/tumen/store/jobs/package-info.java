/**
 * Background jobs with progress (a linkage, an estimate) for callers that must not wait on them,
 * the web application first: submit, read progress, cancel, collect the result or the error. Plain
 * Java, no framework; jobs live in memory and end with the process. Engines are not changed: they
 * report through {@link org.tumen.model.Progress}, which a job's context implements.
 */
package org.tumen.store.jobs;
