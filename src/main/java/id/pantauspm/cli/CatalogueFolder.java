package id.pantauspm.cli;

import java.nio.file.Path;

/**
 * Where commands that run without the application find the catalogue: the option given, else
 * $PANTAU_CATALOGUE (relative to the home, as `pantau run` reads it), else indicators/ under
 * $PANTAU_HOME or the current folder.
 */
final class CatalogueFolder {

    private CatalogueFolder() {
    }

    static Path resolve(Path given) {
        return resolve(given, System.getenv());
    }

    static Path resolve(Path given, java.util.Map<String, String> env) {
        if (given != null) {
            return given.toAbsolutePath().normalize();
        }
        String home = env.get("PANTAU_HOME");
        Path base = home == null || home.isBlank() ? Path.of("") : Path.of(home);
        String configured = env.get("PANTAU_CATALOGUE");
        Path folder = configured == null || configured.isBlank() ? Path.of("indicators") : Path.of(configured);
        return base.resolve(folder).toAbsolutePath().normalize();
    }
}
