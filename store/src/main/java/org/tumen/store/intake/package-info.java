/**
 * An interviewer's unfinished interview (intake): the form as typed, saved sealed as they go, per
 * user, and promoted into the documentation tables in one transaction when submitted, with the
 * problems of each field (a path and a message key) for a form to show beside the field.
 */
package org.tumen.store.intake;
