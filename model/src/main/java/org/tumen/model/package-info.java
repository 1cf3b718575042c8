/**
 * Domain types and controlled vocabularies shared by every module: partial dates and date ranges,
 * sex, provinces, the one exception type for bad input; the documentation model in {@link
 * org.tumen.model.documentation} (sources, events, acts, information); the vocabularies and treaty
 * status in {@link org.tumen.model.vocabulary}; the gazetteer in {@link org.tumen.model.place}.
 * This module depends on nothing.
 */
package org.tumen.model;
