package io.scanwatch.contracts;

/** How urgently an image must be fixed; P0 is the most urgent. */
public enum Priority {
  P0,
  P1,
  P2,
  P3
}
