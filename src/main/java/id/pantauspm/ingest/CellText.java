package id.pantauspm.ingest;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one text normaliser every reader and every field goes through (codes, periods, numbers,
 * notes), so a quirk of how a spreadsheet program wrote a cell is undone once, in one place:
 * <ul>
 *   <li>Unicode spaces (no-break U+00A0, narrow no-break U+202F, figure, thin and other
 *       {@code \p{Zs}} spaces) read as a plain space; zero-width characters (U+200B-U+200D, U+2060,
 *       a stray byte-order mark U+FEFF) removed; the result trimmed;</li>
 *   <li>Excel's text-forcing wrapper {@code ="33.74"} (how Excel keeps a code as text in a CSV)
 *       unwrapped to {@code 33.74};</li>
 *   <li>Excel's error literals ({@code #N/A}, {@code #DIV/0!}, ...) are a formula error in every
 *       format, never text and never missing: a CSV saved from a sheet with a broken formula holds
 *       them as text.</li>
 * </ul>
 */
public final class CellText {

    private static final Pattern ZERO_WIDTH = Pattern.compile("[\\u200B\\u200C\\u200D\\u2060\\uFEFF]");
    /**
     * Control characters pasted from other systems (NUL, bell, escape, C1 controls, DEL), the direction overrides
     * that make text display other than it reads, the non-characters U+FFFE/U+FFFF and halves of a surrogate pair
     * without the other: none is anything a clerk typed, and each would break the XHTML of the PDF, a workbook
     * cell or a terminal. Tab, vertical tab and form feed read as a space (SPACES); line breaks stay.
     */
    private static final Pattern CONTROLS = Pattern.compile(
            "[\\x00-\\x08\\x0E-\\x1F\\x7F-\\x9F\\u202A-\\u202E\\u2066-\\u2069\\uFFFE\\uFFFF]"
            + "|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]");
    private static final Pattern SPACES = Pattern.compile("[\\p{Zs}\\u0009\\u000B\\u000C]");
    private static final Pattern EXCEL_TEXT = Pattern.compile("^=\"((?:[^\"]|\"\")*)\"$", Pattern.DOTALL);

    private CellText() {
    }

    /**
     * The text as a person reads it: spaces of every kind as one kind, invisible and control characters gone, trimmed.
     * Safe in every output (XML 1.0, a workbook cell, a CSV line), which escape it further as each needs.
     */
    public static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        String t = ZERO_WIDTH.matcher(raw).replaceAll("");
        t = SPACES.matcher(t).replaceAll(" ").replace("\r\n", "\n").replace('\r', '\n');
        t = CONTROLS.matcher(t).replaceAll("").strip();
        Matcher wrapped = EXCEL_TEXT.matcher(t);
        if (wrapped.matches()) {
            t = wrapped.group(1).replace("\"\"", "\"").strip();
        }
        return t;
    }

    /** A text cell as found in a file: blank, a formula error literal, or cleaned text. */
    public static CellValue cell(String raw) {
        String t = clean(raw);
        if (t.isEmpty()) {
            return CellValue.BLANK;
        }
        if (t.startsWith("#") && ExcelCells.ERRORS.contains(t.toUpperCase(Locale.ROOT))) {
            return new CellValue.FormulaError(t.toUpperCase(Locale.ROOT));
        }
        return new CellValue.Text(t);
    }
}
