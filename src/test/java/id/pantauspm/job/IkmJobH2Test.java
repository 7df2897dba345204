package id.pantauspm.job;

import java.nio.file.Path;

import id.pantauspm.support.TestDatabase;

/** Surveys through the nightly job on the embedded default database (H2 file). */
class IkmJobH2Test extends IkmJobContract {

    @Override
    TestDatabase database(Path folder) {
        return TestDatabase.h2(folder);
    }
}
