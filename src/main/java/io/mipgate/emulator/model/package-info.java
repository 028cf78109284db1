/**
 * The emulator's own copy of the per-model facts of AT-REFERENCE §5 (capability matrix) and §2 (parameter ranges).
 *
 * <p>The driver keeps its facts in {@code io.mipgate.at.model}; this package deliberately does not reuse them. A profile
 * shared by driver and emulator would make both wrong in the same way, and every driver-against-emulator test would
 * still pass. Keeping two copies, each written from the reference, turns a wrong fact on either side into a failing
 * test. {@code EmulatorIndependenceTest} keeps the emulator from importing the driver.
 */
package io.mipgate.emulator.model;
