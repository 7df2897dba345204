package id.pantauspm.catalogue;

import java.util.List;

/**
 * The rule versions (rules.yaml) an entry of the catalogue applies in, from its {@code since} and
 * {@code until} keys: a mutu item of Permenkes 4/2019 applies until 2026.2, one of Permenkes 6/2024
 * since 2026.3. An entry without either applies in every version.
 *
 * @param versions the names of the versions it applies in; empty means all
 */
public record InForce(List<String> versions) {

    public static final InForce ALWAYS = new InForce(List.of());

    public InForce {
        versions = List.copyOf(versions);
    }

    public boolean in(String version) {
        return versions.isEmpty() || versions.contains(version);
    }

    public boolean always() {
        return versions.isEmpty();
    }
}
