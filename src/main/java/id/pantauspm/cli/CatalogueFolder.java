package id.pantauspm.cli;

import java.nio.file.Path;

/** Where commands that run without the application find the catalogue: the option, else the installation's indicators/. */
final class CatalogueFolder {

    private CatalogueFolder() {
    }

    static Path resolve(Path option) {
        if (option != null) {
            return option;
        }
        String home = System.getenv("PANTAU_HOME");
        return (home == null || home.isBlank() ? Path.of(".") : Path.of(home)).resolve("indicators");
    }
}
