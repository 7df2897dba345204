package id.pantauspm.job;

import java.nio.file.Path;

import id.pantauspm.support.TestDatabase;

/** The ingest corpus through the nightly job on PostgreSQL (skipped, saying why, when none is configured). */
class IngestCorpusJobPostgresTest extends IngestCorpusJobContract {

    @Override
    TestDatabase database(Path folder) {
        return TestDatabase.postgres();
    }
}
