package org.tumen.store.protect;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A puncturable key tree: the keys that forgetting destroys.
 *
 * <p>A GGM tree (Goldreich, Goldwasser and Micali, "How to construct random functions", J. ACM
 * 33(4), 1986) of depth {@value #DEPTH}: the children of a node with key {@code k} have keys {@code
 * HMAC-SHA256(k, 0)} and {@code HMAC-SHA256(k, 1)}, and leaf {@code i} is reached by following the
 * bits of {@code i} from the most significant. HMAC-SHA256 serves as the length-doubling PRG.
 *
 * <p>The tree is held as a <em>frontier</em>: node keys whose subtrees are disjoint and cover every
 * leaf still alive (at first, the root alone). {@link #puncture} replaces the node covering a leaf
 * by the siblings of the path down to it, so that no remaining key derives that leaf while every
 * other leaf still derives as before (a puncturable PRF: Boneh and Waters, ASIACRYPT 2013).
 *
 * <p>Leaves are derived along a cached path, so consecutive leaves (sequential person ids) cost
 * about two HMACs each rather than {@value #DEPTH}.
 */
final class ForgetTree {

  /** Levels below the root: leaves are the numbers 0 .. 2^48 - 1. */
  static final int DEPTH = 48;

  static final long LEAVES = 1L << DEPTH;

  private static final int KEY_BYTES = 32;

  /** A frontier node: depth below the root, the top {@code depth} bits of its leaves, its key. */
  private record Node(int depth, long prefix, byte[] key) {
    long first() {
      return depth == 0 ? 0 : prefix << (DEPTH - depth);
    }

    long end() {
      return depth == 0 ? LEAVES : (prefix + 1) << (DEPTH - depth);
    }
  }

  private final TreeMap<Long, Node> frontier = new TreeMap<>();
  private final Mac hmac;

  // The path of the last leaf derived: path[d] is the key of its ancestor at depth d.
  private final byte[][] path = new byte[DEPTH + 1][];
  private Node pathNode;
  private long pathLeaf;

  private ForgetTree() {
    try {
      hmac = Mac.getInstance("HmacSHA256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
    }
  }

  /** A fresh tree with a random root. */
  static ForgetTree generate(SecureRandom random) {
    byte[] root = new byte[KEY_BYTES];
    random.nextBytes(root);
    ForgetTree t = new ForgetTree();
    t.add(new Node(0, 0, root));
    return t;
  }

  /** The key of leaf {@code leaf}, or an exception if that leaf has been punctured. */
  synchronized byte[] leafKey(long leaf) throws GeneralSecurityException {
    checkLeaf(leaf);
    Node n = cover(leaf);
    if (n == null) {
      throw new GeneralSecurityException("key " + leaf + " was destroyed (forgotten)");
    }
    int from = n.depth();
    if (n == pathNode) {
      int common = Long.numberOfLeadingZeros((leaf ^ pathLeaf) << (64 - DEPTH));
      from = Math.max(from, Math.min(common, DEPTH));
    } else {
      path[from] = n.key();
      pathNode = n;
    }
    for (int d = from; d < DEPTH; d++) {
      path[d + 1] = child(path[d], bit(leaf, d));
    }
    pathLeaf = leaf;
    return path[DEPTH].clone();
  }

  /** Whether the key of {@code leaf} can still be derived. */
  synchronized boolean alive(long leaf) {
    checkLeaf(leaf);
    return cover(leaf) != null;
  }

  /** Destroys the key of {@code leaf} for good; idempotent. */
  synchronized void puncture(long leaf) throws GeneralSecurityException {
    checkLeaf(leaf);
    Node n = cover(leaf);
    if (n == null) {
      return;
    }
    frontier.remove(n.first());
    byte[] k = n.key();
    for (int d = n.depth(); d < DEPTH; d++) {
      int b = bit(leaf, d);
      long prefix = leaf >>> (DEPTH - d - 1);
      add(new Node(d + 1, prefix ^ 1, child(k, 1 - b)));
      byte[] next = child(k, b);
      Arrays.fill(k, (byte) 0);
      k = next;
    }
    Arrays.fill(k, (byte) 0);
    pathNode = null;
    Arrays.fill(path, null);
  }

  /** Number of frontier nodes (grows by at most {@value #DEPTH} per puncture). */
  synchronized int size() {
    return frontier.size();
  }

  synchronized void write(DataOutputStream out) throws IOException {
    out.writeInt(frontier.size());
    for (Node n : frontier.values()) {
      out.writeByte(n.depth());
      out.writeLong(n.prefix());
      out.write(n.key());
    }
  }

  static ForgetTree read(DataInputStream in) throws IOException {
    ForgetTree t = new ForgetTree();
    int count = in.readInt();
    if (count < 0 || count > 64_000_000) {
      throw new IOException("forget tree: bad node count " + count);
    }
    for (int i = 0; i < count; i++) {
      int depth = in.readUnsignedByte();
      long prefix = in.readLong();
      byte[] key = new byte[KEY_BYTES];
      in.readFully(key);
      if (depth > DEPTH || prefix < 0 || (depth < 63 && prefix >= (1L << depth))) {
        throw new IOException("forget tree: bad node " + depth + "/" + prefix);
      }
      t.add(new Node(depth, prefix, key));
    }
    return t;
  }

  private void add(Node n) {
    Map.Entry<Long, Node> below = frontier.floorEntry(n.end() - 1);
    if (below != null && below.getValue().end() > n.first()) {
      throw new IllegalStateException("forget tree: overlapping nodes");
    }
    frontier.put(n.first(), n);
  }

  private Node cover(long leaf) {
    Map.Entry<Long, Node> e = frontier.floorEntry(leaf);
    return e != null && e.getValue().end() > leaf ? e.getValue() : null;
  }

  private byte[] child(byte[] key, int bit) throws GeneralSecurityException {
    hmac.init(new SecretKeySpec(key, "HmacSHA256"));
    hmac.update((byte) bit);
    return hmac.doFinal();
  }

  private static int bit(long leaf, int depth) {
    return (int) (leaf >>> (DEPTH - depth - 1)) & 1;
  }

  private static void checkLeaf(long leaf) {
    if (leaf < 0 || leaf >= LEAVES) {
      throw new IllegalArgumentException("leaf outside 0 .. 2^48 - 1: " + leaf);
    }
  }
}
