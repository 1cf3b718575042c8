package org.tumen.model.place;

/**
 * How fine a place is, coarsest first: a country, its first-level division (a DPRK province, a
 * Chinese province), the second level (a DPRK county or city, a Chinese prefecture such as
 * Yanbian), the third (a Chinese county-level city such as Yanji, a DPRK workers' district).
 */
public enum PlaceLevel {
  COUNTRY,
  REGION,
  DISTRICT,
  SUBDISTRICT
}
