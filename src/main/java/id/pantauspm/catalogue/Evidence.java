package id.pantauspm.catalogue;

/**
 * How sure the catalogue is of an entry (its {@code confidence} and {@code unverified} keys).
 *
 * @param confidence high, medium or low (indicators/README.md), or null when not stated
 * @param unverified what an SPM officer should still confirm against the regulation; null when nothing
 */
public record Evidence(String confidence, String unverified) {

    public static final Evidence NONE = new Evidence(null, null);

    public boolean isUnverified() {
        return unverified != null;
    }
}
