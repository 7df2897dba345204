package id.pantauspm.job;

import java.nio.file.Path;

import id.pantauspm.support.TestDatabase;

/** The nightly job on the embedded default database (H2 file). */
class NightlyJobH2Test extends NightlyJobContract {

    @Override
    TestDatabase database(Path folder) {
        return TestDatabase.h2(folder);
    }
}
