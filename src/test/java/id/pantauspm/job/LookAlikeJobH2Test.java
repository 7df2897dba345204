package id.pantauspm.job;

import java.nio.file.Path;

import id.pantauspm.support.TestDatabase;

/** The look-alike files of the five shapes through the nightly job on the embedded default database (H2 file). */
class LookAlikeJobH2Test extends LookAlikeJobContract {

    @Override
    TestDatabase database(Path folder) {
        return TestDatabase.h2(folder);
    }
}
