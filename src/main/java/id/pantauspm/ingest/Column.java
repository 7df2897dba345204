package id.pantauspm.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The columns of the tabular layout (input-format.md, layout 1), Indonesian names first. */
public enum Column {
    REGION_CODE(true, "kode_wilayah", "region_code", "kode wilayah", "kode daerah"),
    PERIOD(true, "periode", "period"),
    MEASURE_CODE(true, "kode_data", "kode_indikator", "measure_code", "indicator_code"),
    VALUE(true, "nilai", "value", "jumlah", "realisasi"),
    NOTE(false, "keterangan", "note", "catatan"),
    REGION_NAME(false, "nama_wilayah", "region_name"),
    MEASURE_NAME(false, "nama_data", "measure_name"),
    UNIT(false, "satuan", "unit"),
    /** What a quarter's figure counts: kumulatif (year to date, the default) or triwulan (the quarter alone). */
    BASIS(false, "basis", "sifat_angka", "sifat angka", "jenis_angka", "dasar_angka", "basis_angka", "cumulative");

    private final boolean required;
    private final List<String> names;

    Column(boolean required, String... names) {
        this.required = required;
        this.names = List.of(names).stream().map(Column::normalize).toList();
    }

    public boolean required() {
        return required;
    }

    /** The Indonesian header offices are asked to use. */
    public String header() {
        return names.get(0);
    }

    public static Optional<Column> forHeader(String header) {
        String n = normalize(header);
        for (Column c : values()) {
            if (c.names.contains(n)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Headers match ignoring case, spaces, underscores and punctuation. */
    static String normalize(String header) {
        return header == null ? "" : header.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
