package id.pantauspm.job;

import java.nio.file.Path;

import id.pantauspm.support.TestDatabase;

/** The ingest corpus through the nightly job on the embedded default database (H2 file). */
class IngestCorpusJobH2Test extends IngestCorpusJobContract {

    @Override
    TestDatabase database(Path folder) {
        return TestDatabase.h2(folder);
    }
}
