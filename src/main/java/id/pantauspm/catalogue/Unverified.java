package id.pantauspm.catalogue;

/**
 * An entry of the catalogue still marked {@code unverified}, for `pantau catalog --unverified`.
 *
 * @param fieldCode the field whose file holds it
 * @param file      the file, relative to the catalogue folder
 * @param line      the line of the entry
 * @param entry     what it is, e.g. {@code KES-K01 mutu PEMERIKSAAN_USG}
 * @param note      what to confirm
 * @param confidence high, medium, low or null
 */
public record Unverified(String fieldCode, String file, int line, String entry, String note, String confidence) {
}
