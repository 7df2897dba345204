package id.pantauspm.catalogue;

/** What a measure's number is, which decides how it is checked on the way in. */
public enum ValueType {
    /** People, households, items: whole and not negative. */
    COUNT,
    /** 0..100. */
    PERCENT,
    /** Money in rupiah: not negative, may have decimals. */
    AMOUNT,
    /** Any number. */
    NUMBER,
    /**
     * Words, not a number: what an office writes about a service (PERMASALAHAN, SOLUSI). Kept as
     * written in the value's note; the value itself has no amount and never enters a computation.
     */
    TEXT
}
