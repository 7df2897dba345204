package id.pantauspm.cli;

import java.nio.file.Path;

/**
 * Where commands that run without the application find the catalogue: the option given, else
 * $PANTAU_CATALOGUE, else indicators/; a relative folder is taken from $PANTAU_HOME (else the
 * current folder), as `pantau run` takes every folder setting.
 */
final class CatalogueFolder {

    private CatalogueFolder() {
    }

    static Path resolve(Path given) {
        return resolve(given, System.getenv());
    }

    static Path resolve(Path given, java.util.Map<String, String> env) {
        String home = env.get("PANTAU_HOME");
        Path base = home == null || home.isBlank() ? Path.of("") : Path.of(home);
        String configured = env.get("PANTAU_CATALOGUE");
        Path folder = given != null ? given
                : configured == null || configured.isBlank() ? Path.of("indicators") : Path.of(configured);
        return base.resolve(folder).toAbsolutePath().normalize();
    }
}
