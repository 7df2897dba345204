package id.pantauspm.catalogue;

/** Place in the logic model of a measure or indicator. */
public enum Kind { INPUT, PROSES, OUTPUT, OUTCOME }
