package org.tumen.model.documentation;

/** Who did it: a person, or an institution such as a border guard unit or a broker. */
public sealed interface Perpetrator permits PersonRef, Institution {}
