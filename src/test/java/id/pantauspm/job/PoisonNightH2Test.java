package id.pantauspm.job;

import java.nio.file.Path;

import id.pantauspm.support.TestDatabase;

/** Poison among good files on the embedded default database (H2 file). */
class PoisonNightH2Test extends PoisonNightContract {

    @Override
    TestDatabase database(Path folder) {
        return TestDatabase.h2(folder);
    }
}
