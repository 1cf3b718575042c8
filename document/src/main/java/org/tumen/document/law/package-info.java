/**
 * Legal qualification: from an act's type, dates, place and perpetrators to the provisions it
 * breaches and whether each state was bound by them then. The entry is {@link
 * org.tumen.document.law.Qualifier}.
 */
package org.tumen.document.law;
