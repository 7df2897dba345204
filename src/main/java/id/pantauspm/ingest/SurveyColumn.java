package id.pantauspm.ingest;

import java.util.List;
import java.util.Optional;

import id.pantauspm.catalogue.IkmRegime;

/**
 * The columns (and metadata labels) of a community satisfaction survey sheet beside its unsur:
 * who answered and their attributes, which unit, region and period the survey is for, and in the
 * long shape (one row per answer) the question and the score. Header words are compared as
 * lower-case letters and digits only; for each column the earlier words are the surer ones (a
 * "Responden" column beats a "No" column as the respondent's number).
 */
public enum SurveyColumn {
    RESPONDENT("responden", "no responden", "nomor responden", "id responden", "kode responden", "nama responden",
            "respondent", "respondent id", "respondent no", "no", "nomor", "no urut", "number"),
    SEX("jenis kelamin", "jk", "l/p", "kelamin", "sex", "gender"),
    AGE("umur", "usia", "umur (tahun)", "kelompok umur", "age"),
    EDUCATION("pendidikan", "pendidikan terakhir", "education"),
    OCCUPATION("pekerjaan", "pekerjaan utama", "occupation"),
    DATE("tanggal", "tanggal survei", "tanggal pengisian", "tgl", "date", "survey date"),
    SERVICE("jenis layanan", "layanan", "jenis pelayanan", "layanan yang diterima", "jenis layanan yang diterima",
            "service used", "service"),
    UNIT("unit layanan", "unit pelayanan", "nama unit layanan", "nama unit", "unit", "instansi",
            "unit penyelenggara pelayanan", "service unit", "unit name"),
    PERIOD("periode", "periode survei", "period", "tahun", "year"),
    REGION("kode wilayah", "kode_wilayah", "kode daerah", "region code"),
    POPULATION("jumlah populasi", "populasi", "populasi pengguna layanan", "jumlah populasi pengguna layanan",
            "jumlah pengguna layanan", "population", "population of users"),
    REGIME("dasar", "dasar hukum", "regulasi", "pedoman", "acuan", "regime", "regulation"),
    QUESTION("pertanyaan", "kode pertanyaan", "no pertanyaan", "nomor pertanyaan", "butir", "item", "question",
            "question id"),
    UNSUR("unsur", "kode unsur", "unsur pelayanan", "element"),
    SCORE("skor", "nilai", "jawaban", "nilai jawaban", "nilai persepsi", "score");

    /** Columns that describe the respondent, compared to find a respondent submitted twice. */
    public static final List<SurveyColumn> ATTRIBUTES = List.of(SEX, AGE, EDUCATION, OCCUPATION, DATE, SERVICE);
    /** What a survey is for, given by a column or by a label above the header ("Unit layanan: ..."). */
    public static final List<SurveyColumn> CONTEXT = List.of(UNIT, REGION, PERIOD, POPULATION, REGIME);

    private final List<String> words;

    SurveyColumn(String... words) {
        this.words = List.of(words).stream().map(IkmRegime::normalize).toList();
    }

    /** The Indonesian header the template writes. */
    public String header() {
        return words.get(0);
    }

    /** How sure a header is of this column: 0 for the first word, higher for weaker ones; empty when not this column. */
    public Optional<Integer> rank(String header) {
        int i = words.indexOf(IkmRegime.normalize(header));
        return i < 0 ? Optional.empty() : Optional.of(i);
    }

    /** The column a header names, the surest reading first; empty when none. */
    public static Optional<SurveyColumn> of(String header) {
        SurveyColumn best = null;
        int bestRank = Integer.MAX_VALUE;
        for (SurveyColumn c : values()) {
            Optional<Integer> r = c.rank(header);
            if (r.isPresent() && r.get() < bestRank) {
                best = c;
                bestRank = r.get();
            }
        }
        return Optional.ofNullable(best);
    }

    /** A weak reading ("No", "Nomor") is taken only when no surer column is there. */
    boolean weak(int rank) {
        return this == RESPONDENT && rank >= 9;
    }
}
