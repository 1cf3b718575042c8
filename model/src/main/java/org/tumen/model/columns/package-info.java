/**
 * How a list's columns are read, for the import and for linkage alike: the roles a column may play
 * ({@link org.tumen.model.columns.ColumnRole}), the header names that say each role in English,
 * Korean and Chinese ({@link org.tumen.model.columns.ColumnHeaders}), and the one reader of dates
 * with its rule for ambiguous day-month orders ({@link org.tumen.model.columns.DateText}).
 */
package org.tumen.model.columns;
