package id.pantauspm.job;

import java.nio.file.Path;

import id.pantauspm.support.TestDatabase;

/** Surveys through the nightly job on PostgreSQL (skipped, saying so, when none is configured). */
class IkmJobPostgresTest extends IkmJobContract {

    @Override
    TestDatabase database(Path folder) {
        return TestDatabase.postgres();
    }
}
