package id.pantauspm.job;

import java.nio.file.Path;

import id.pantauspm.support.TestDatabase;

/** The look-alike files of the five shapes through the nightly job on PostgreSQL (skipped, saying so, when none is configured). */
class LookAlikeJobPostgresTest extends LookAlikeJobContract {

    @Override
    TestDatabase database(Path folder) {
        return TestDatabase.postgres();
    }
}
