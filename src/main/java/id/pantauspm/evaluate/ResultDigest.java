package id.pantauspm.evaluate;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A fingerprint of one region-period's verdict and its trends, so that a night writes only the region-periods whose
 * result changed (issue 12): a new quarter leaves the earlier periods' rows, and the run that produced them, as they
 * were.
 *
 * <p>Every component of the records is included, walked by reflection, so a field added to a result later is part of
 * the fingerprint without anyone remembering to add it here. Sets are written in sorted order ({@code Set.of} iterates
 * in an order that changes from one JVM start to the next) and maps by sorted key.
 */
public final class ResultDigest {

    private ResultDigest() {
    }

    /** @return 64 hex characters (SHA-256) of the evaluation and the trends of its period */
    public static String of(RegionEvaluation evaluation, List<Trends.Trend> trends) {
        return of(List.of(evaluation, trends), Set.of());
    }

    /**
     * The same fingerprint of any tree of records, lists, sets, maps and plain values (text, numbers, enums, dates),
     * for what is drawn from a verdict (a report's document model).
     *
     * @param skipped record components left out by name (a generation date; a chart object drawn from data that is
     *                part of the tree anyway)
     * @throws IllegalArgumentException for a value of another kind, whose text would not be the same from one run
     *                                  to the next (an object's identity)
     */
    public static String of(Object value, Set<String> skipped) {
        StringBuilder text = new StringBuilder(4096);
        write(text, value, skipped);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(StringBuilder out, Object value, Set<String> skipped) {
        if (value == null) {
            out.append('~');
        } else if (value instanceof Record r) {
            out.append('(');
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                if (skipped.contains(c.getName())) {
                    continue;
                }
                try {
                    write(out, c.getAccessor().invoke(r), skipped);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getName(), e);
                }
                out.append(',');
            }
            out.append(')');
        } else if (value instanceof Object[] array) {
            write(out, java.util.Arrays.asList(array), skipped);
        } else if (value instanceof Set<?> set) {
            List<String> items = new ArrayList<>();
            for (Object item : set) {
                StringBuilder one = new StringBuilder();
                write(one, item, skipped);
                items.add(one.toString());
            }
            items.sort(null);
            out.append('{').append(String.join(";", items)).append('}');
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            for (Object item : list) {
                write(out, item, skipped);
                out.append(';');
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            List<String> entries = new ArrayList<>();
            map.forEach((k, v) -> {
                StringBuilder one = new StringBuilder();
                write(one, k, skipped);
                one.append('=');
                write(one, v, skipped);
                entries.add(one.toString());
            });
            entries.sort(null);
            out.append('<').append(String.join(";", entries)).append('>');
        } else if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Character || value instanceof Enum<?> || value instanceof java.time.temporal.TemporalAccessor
                || value instanceof java.util.Locale) {
            out.append(value.toString().replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;"));
        } else {
            throw new IllegalArgumentException("no stable fingerprint for a " + value.getClass().getName());
        }
    }
}
