package org.tumen.store.identity;

/**
 * How a workspace seals identity values (names, birth dates, birthplaces, free text, unrecognised
 * list columns) before they reach the database, and opens them again. The store never writes an
 * identity except through this interface, so swapping the implementation changes what rests on disk
 * without touching the schema or the importer.
 *
 * <p>Keys are per person (DESIGN.md, security model): when the store creates a person it asks
 * {@link #newPersonKey} for a wrapped data key and keeps it in {@code person.wrapped_key}; to seal
 * or open that person's values it asks {@link #sealerFor} once, with the stored wrapped key, so an
 * implementation unwraps a key once per person rather than once per value. Destroying the wrapped
 * key ("forgetting") makes every value sealed under it unreadable.
 *
 * <p>Implementations must be safe to use from one thread at a time per sealer; the store never
 * shares a sealer between threads.
 */
public interface IdentityCodec {

  /**
   * A short, stable name for this kind of sealing, stored in the workspace so that a workspace
   * sealed by one codec is never read or extended by another (e.g. {@code "plaintext"}).
   */
  String id();

  /**
   * A fresh data key for a new person, wrapped for storage, or {@code null} when this codec has no
   * per-person keys.
   *
   * @param personId the new person's id, which an implementation may bind to the wrapped key
   */
  byte[] newPersonKey(long personId);

  /**
   * The sealer for one person's values.
   *
   * @param personId the person the values are about
   * @param wrappedKey the key as stored in {@code person.wrapped_key} (null if the codec gave none)
   */
  FieldSealer sealerFor(long personId, byte[] wrappedKey);

  /**
   * A keyed, deterministic digest of a normalised key (e.g. a canonical surname), for equality
   * look-ups and blocking without plaintext. Equal inputs give equal outputs, so blind indexes leak
   * equality patterns: callers index only keys coarse enough to bear that.
   *
   * @param field the field the key was derived from; different fields must not collide
   * @param normalisedKey the key, already normalised by the caller
   */
  byte[] blindIndex(String field, String normalisedKey);

  /**
   * The value stored to recognise an imported file again, from the SHA-256 of its bytes (lower-case
   * hex): a codec with keys returns a keyed hash of it, so that the database alone neither confirms
   * that a given file was imported nor lets a small list be found by guessing its contents (issue
   * 12, finding 1). 64 lower-case hex digits.
   */
  default String contentKey(String sha256Hex) {
    return sha256Hex;
  }
}
