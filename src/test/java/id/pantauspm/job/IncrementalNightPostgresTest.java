package id.pantauspm.job;

import id.pantauspm.support.TestDatabase;

/** Incremental nights on PostgreSQL, the production database (skipped, saying so, when none is configured). */
class IncrementalNightPostgresTest extends IncrementalNightTest {

    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
