package id.pantauspm.ingest;

import java.util.List;
import java.util.Optional;

import id.pantauspm.catalogue.IkmRules;

/**
 * Which layout a file is in, decided by its first row: a template's marker means layout 2, anything else layout 1;
 * with the IKM rules given, a community satisfaction survey is told from layout 1 by its header row.
 */
public final class Layouts {

    private Layouts() {
    }

    /** A fresh layout for one file that reads layout 1 unless the file's first row is the template marker (A1 of the first sheet). */
    public static Layout detecting() {
        return new Detecting();
    }

    /**
     * The same, and a community satisfaction survey (IKM) recognised by its content: until a sheet
     * shows a header, every row goes to layout 1 and to the survey layout, and the first to find
     * its header reads the rest of the file.
     */
    public static Layout detecting(IkmRules ikm) {
        return new Detecting(ikm);
    }

    private static final class Detecting implements Layout {

        private Layout chosen;
        private final IkmRules ikm;
        private TabularLayout tabular;
        private SurveyLayout survey;

        Detecting() {
            this(null);
        }

        Detecting(IkmRules ikm) {
            this.ikm = ikm;
        }

        @Override
        public Optional<SourceRow> accept(RawRow row) {
            if (chosen == null && tabular == null) {
                if (TemplateLayout.isMarkerRow(row)) {
                    chosen = new TemplateLayout();
                } else if (ikm == null) {
                    chosen = new TabularLayout();
                } else {
                    tabular = new TabularLayout();
                    survey = new SurveyLayout(ikm);
                }
            }
            if (chosen != null) {
                return chosen.accept(row);
            }
            // Neither header seen yet: both read the titles, labels and blank rows above it.
            tabular.accept(row);
            survey.accept(row);
            if (tabular.foundAnyHeader()) {
                chosen = tabular;
            } else if (survey.foundAnyHeader()) {
                chosen = survey;
            }
            return Optional.empty();
        }

        @Override
        public Optional<SurveyRow> survey(SourceRow row) {
            return chosen == null ? Optional.empty() : chosen.survey(row);
        }

        @Override
        public List<Problem> endNotes() {
            return chosen == null ? List.of() : chosen.endNotes();
        }

        @Override
        public boolean foundAnyHeader() {
            return chosen != null && chosen.foundAnyHeader();
        }

        @Override
        public List<String> sheetsWithoutHeader() {
            return chosen != null ? chosen.sheetsWithoutHeader() : tabular != null ? tabular.sheetsWithoutHeader() : List.of();
        }
    }
}
