package id.pantauspm.ingest;

import java.util.List;
import java.util.Optional;

/** Which layout a file is in, decided by its first row: a template's marker means layout 2, anything else layout 1. */
public final class Layouts {

    private Layouts() {
    }

    /** A fresh layout for one file that reads layout 1 unless the file's first row is the template marker (A1 of the first sheet). */
    public static Layout detecting() {
        return new Detecting();
    }

    private static final class Detecting implements Layout {

        private Layout chosen;

        @Override
        public Optional<SourceRow> accept(RawRow row) {
            if (chosen == null) {
                chosen = TemplateLayout.isMarkerRow(row) ? new TemplateLayout() : new TabularLayout();
            }
            return chosen.accept(row);
        }

        @Override
        public boolean foundAnyHeader() {
            return chosen != null && chosen.foundAnyHeader();
        }

        @Override
        public List<String> sheetsWithoutHeader() {
            return chosen == null ? List.of() : chosen.sheetsWithoutHeader();
        }
    }
}
