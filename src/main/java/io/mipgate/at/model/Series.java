package io.mipgate.at.model;

/** The two product lines of the manual: "NB modules" and "Cat.1 / 4G series" (AT-REFERENCE §0). */
public enum Series {
    NB_IOT,
    CAT1
}
