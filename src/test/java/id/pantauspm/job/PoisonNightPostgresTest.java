package id.pantauspm.job;

import java.nio.file.Path;

import id.pantauspm.support.TestDatabase;

/**
 * Poison among good files on PostgreSQL, where a failed statement aborts the whole transaction: a skipped write must
 * undo only itself (a savepoint), or every later row of the chunk would fail with it.
 */
class PoisonNightPostgresTest extends PoisonNightContract {

    @Override
    TestDatabase database(Path folder) {
        return TestDatabase.postgres();
    }
}
