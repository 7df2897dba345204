package id.pantauspm.catalogue;

import java.util.List;

/**
 * An element (unsur) of an IKM regime: its place (1-based, the regulation's order), its code as
 * survey sheets head their columns (U1..U9), its name, and other words a column or question may
 * carry for it (kept normalised: lower-case letters and digits only).
 */
public record IkmUnsur(int number, String code, LocalizedText name, List<String> aliases) {

    public IkmUnsur {
        aliases = List.copyOf(aliases);
    }
}
