package io.mipgate.at.command;

/** The four extended-command forms (AT-REFERENCE §1.2). */
public enum Form {
    /** {@code AT+CMD=?}: parameter ranges. */
    TEST,
    /** {@code AT+CMD?}: current values. */
    READ,
    /** {@code AT+CMD=<p1>[,...]}: set, or query with leading parameters only. */
    SET,
    /** {@code AT+CMD} / basic commands. */
    EXECUTE
}
