package id.pantauspm.ingest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the parsed rows of one file into what is stored, the same way for the nightly job and for
 * `pantau validate`. Rows of layout 1 and the template pass as they are. Rows a layout marks as
 * parts of a region ({@link SourceRow.Reading#summed()}: a kecamatan, puskesmas, desa or sex row)
 * are held, and at the end of the file each region's total for a period and measure is made from
 * them, listing every part as its lineage.
 *
 * <p>A total is only as good as its parts: a part that is missing or rejected, or a sub-region given
 * twice, leaves the total unknown rather than too small, and the receipt says which rows. Notes and
 * warnings a layout's rows repeat word for word (the same region name read as the same code on
 * every row) are said once per file.
 */
public final class ValueAssembler {

    private record Key(String region, String period, String measure) {
    }

    private static final class Total {
        final SourceRow first;
        /** Where the receipt points when the total is not stored: the first missing, rejected or repeated part. */
        SourceRow flaw;
        final List<MeasuredValue.Part> parts = new ArrayList<>();
        final Map<String, Integer> subregions = new HashMap<>();
        final List<Integer> incomplete = new ArrayList<>();
        final List<String> repeated = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        /** What the parts declared a sub-year figure counts (all the same, or the total is not stored). */
        id.pantauspm.period.Basis basis;

        Total(SourceRow first) {
            this.first = first;
        }
    }

    private final Map<Key, Total> totals = new LinkedHashMap<>();
    /** Parts rejected by the parser: their region or period may be unknown, so every total of their measure is in doubt. */
    private final List<SourceRow> rejectedParts = new ArrayList<>();
    private final Set<List<Object>> said = new HashSet<>();

    /** What to report and store now for one parsed row: the row itself, or for a part, its problems only. */
    public ParsedRow accept(ParsedRow parsed) {
        SourceRow.Reading reading = parsed.source().reading();
        List<Problem> problems = reading == null ? parsed.problems() : onceEach(parsed.problems());
        if (reading == null || !reading.summed()) {
            return new ParsedRow(parsed.source(), parsed.value(), problems);
        }
        MeasuredValue v = parsed.value();
        if (v == null && parsed.rejected()) {
            rejectedParts.add(parsed.source());
        }
        if (v != null) {
            Total t = totals.computeIfAbsent(new Key(v.regionCode(), v.periodCode(), v.measureCode()), k -> new Total(parsed.source()));
            String column = parsed.source().letter(Column.VALUE);
            String sub = reading.subregion() == null ? "" : reading.subregion();
            Integer earlier = t.subregions.putIfAbsent(sub + "|" + column, parsed.source().rowNumber());
            if (earlier != null) {
                t.repeated.add(sub + " (" + earlier + ", " + parsed.source().rowNumber() + ")");
                t.flaw = t.flaw == null ? parsed.source() : t.flaw;
            }
            t.parts.add(new MeasuredValue.Part(v.sheet(), v.rowNumber(), column, reading.subregion(), v.amount()));
            if (t.parts.size() == 1) {
                t.basis = v.basis();
            } else if (!java.util.Objects.equals(t.basis, v.basis())) {
                // a year-to-date part added to a quarter-alone part would be no figure at all
                t.incomplete.add(v.rowNumber());
                t.flaw = t.flaw == null ? parsed.source() : t.flaw;
            }
            if (v.amount() == null) {
                t.incomplete.add(v.rowNumber());
                t.flaw = t.flaw == null ? parsed.source() : t.flaw;
            } else {
                t.sum = t.sum.add(v.amount());
            }
        }
        return new ParsedRow(parsed.source(), null, problems);
    }

    /**
     * At the end of the file: every region's total with its parts, or, where a part is missing or a
     * sub-region repeated, the rejection of that total at its first part.
     */
    public List<ParsedRow> finish() {
        for (SourceRow part : rejectedParts) {
            String measure = part.cell(Column.MEASURE_CODE).asText();
            boolean known = totals.keySet().stream().anyMatch(k -> k.measure().equals(measure));
            totals.forEach((key, t) -> {
                if (!known || key.measure().equals(measure)) {
                    t.incomplete.add(part.rowNumber());
                    t.flaw = t.flaw == null ? part : t.flaw;
                }
            });
        }
        rejectedParts.clear();
        List<ParsedRow> out = new ArrayList<>();
        totals.forEach((key, t) -> {
            if (!t.incomplete.isEmpty() || !t.repeated.isEmpty()) {
                String why = !t.repeated.isEmpty() ? "aggregate_repeated_subregion" : "aggregate_incomplete";
                String rows = !t.repeated.isEmpty() ? String.join("; ", t.repeated)
                        : String.join(", ", t.incomplete.stream().distinct().sorted().map(String::valueOf).toList());
                out.add(new ParsedRow(t.flaw, null, List.of(Problem.at(Problem.Severity.ROW_REJECTED, why, t.flaw, Column.VALUE,
                        key.measure(), key.region(), key.period(), rows))));
                return;
            }
            SourceRow s = t.first;
            MeasuredValue.Part first = t.parts.get(0);
            out.add(new ParsedRow(s, new MeasuredValue(key.region(), key.period(), key.measure(), t.sum, null,
                    first.sheet(), first.row(), first.column(), t.basis, t.parts), List.of()));
        });
        totals.clear();
        return out;
    }

    /** A layout's notes and warnings, each said once per file; rejections always. */
    private List<Problem> onceEach(List<Problem> problems) {
        List<Problem> kept = new ArrayList<>();
        for (Problem p : problems) {
            if (p.severity() == Problem.Severity.ROW_REJECTED || said.add(List.of(p.code(), String.valueOf(p.found()), p.args()))) {
                kept.add(p);
            }
        }
        return kept;
    }
}
