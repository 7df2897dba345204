package id.pantauspm.ingest;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

import org.apache.poi.ss.usermodel.DateUtil;

/** Rules both workbook readers (xlsx and xls) apply to a cell, so a value reads the same in either format. */
final class ExcelCells {

    /** Error values a formula can show; a text formula result is never mistaken for one of them. */
    static final Set<String> ERRORS = Set.of("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A",
            "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#PYTHON!");

    /**
     * Excel shows and computes with 15 significant digits but saves the 17 digits of the binary
     * double (33.74 is written 33.740000000000002, a SUM of 10000.1 + ... 30189.000000000004). A
     * number read at Excel's own precision is what the clerk saw.
     */
    static final MathContext EXCEL_PRECISION = new MathContext(15, RoundingMode.HALF_EVEN);

    /** A double's largest decimal exponent, with room: 308 (and 324 for the smallest subnormal). */
    private static final int MAX_DECIMAL_EXPONENT = 330;

    private ExcelCells() {
    }

    /** A workbook number at Excel's precision (15 significant digits), without trailing zeros. */
    static BigDecimal atExcelPrecision(BigDecimal value) {
        // Beyond a double's range (1.8E+308) no spreadsheet program wrote it: a hostile 1E+999999999 would take
        // a billion digits to write out. The reader then takes the cell as text, which the row's checks refuse.
        if (value.precision() - value.scale() > MAX_DECIMAL_EXPONENT || value.scale() - value.precision() > MAX_DECIMAL_EXPONENT) {
            throw new ArithmeticException("beyond a double's range");
        }
        BigDecimal rounded = value.round(EXCEL_PRECISION);
        if (rounded.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped = rounded.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /**
     * A number (typed, or a formula's cached result) as the clerk sees it: a percentage format shows
     * 0.95 as 95%, so it is the percentage 95; a date format shows a date, and a date shown without a
     * day is a month (how Excel stores a typed 2026-07).
     */
    static CellValue number(BigDecimal raw, Integer formatId, String format, boolean date1904) {
        BigDecimal value = atExcelPrecision(raw);
        if (format != null) {
            String shown = format.replaceAll("\"[^\"]*\"", "").replaceAll("\\\\.", "");
            if (shown.contains("%")) {
                return new CellValue.Percent(value.movePointRight(2));
            }
            if (formatId != null && DateUtil.isADateFormat(formatId, format) && DateUtil.isValidExcelDate(value.doubleValue())) {
                LocalDate date = DateUtil.getLocalDateTime(value.doubleValue(), date1904).toLocalDate();
                return new CellValue.Date(date, shown.toLowerCase(Locale.ROOT).contains("d"));
            }
        }
        return new CellValue.Number(value);
    }
}
