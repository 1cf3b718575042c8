/**
 * Domain types and controlled vocabularies shared by every module: partial dates, sex, act types
 * mapped to the law they breach, roles, provinces, and the one exception type for bad input. This
 * module depends on nothing.
 */
package org.tumen.model;
