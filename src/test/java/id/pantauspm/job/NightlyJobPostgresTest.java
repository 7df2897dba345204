package id.pantauspm.job;

import java.nio.file.Path;

import id.pantauspm.support.TestDatabase;

/** The nightly job on PostgreSQL, the production database (skipped, saying so, when none is configured). */
class NightlyJobPostgresTest extends NightlyJobContract {

    @Override
    TestDatabase database(Path folder) {
        return TestDatabase.postgres();
    }
}
