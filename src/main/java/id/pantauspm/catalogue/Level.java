package id.pantauspm.catalogue;

/** Level of government a service type belongs to in PP 2/2018. */
public enum Level { PROVINSI, KABKOTA }
