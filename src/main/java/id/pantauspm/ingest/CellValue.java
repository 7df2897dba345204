package id.pantauspm.ingest;

import java.math.BigDecimal;

/** What one spreadsheet cell holds, as the file says it, before any interpretation. */
public sealed interface CellValue {

    Blank BLANK = new Blank();

    /** The cell as a person would read it in the spreadsheet, for messages. */
    String display();

    record Number(BigDecimal value) implements CellValue {
        public String display() {
            return value.stripTrailingZeros().toPlainString();
        }
    }

    /** A number formatted as a percentage: Excel stores 95% as 0.95; this holds what the clerk typed, 95. */
    record Percent(BigDecimal shown) implements CellValue {
        public String display() {
            return shown.stripTrailingZeros().toPlainString() + "%";
        }
    }

    /**
     * A date cell. Excel turns a typed 2026-07 into a date shown without a day; such a cell reads
     * back as 2026-07, so a period typed that way survives.
     */
    record Date(java.time.LocalDate date, boolean showsDay) implements CellValue {
        public String display() {
            return showsDay ? date.toString() : date.toString().substring(0, 7);
        }
    }

    record Text(String value) implements CellValue {
        public String display() {
            return value;
        }
    }

    record Blank() implements CellValue {
        public String display() {
            return "";
        }
    }

    /** A formula whose cached result is an error such as #DIV/0!. */
    record FormulaError(String error) implements CellValue {
        public String display() {
            return error;
        }
    }

    /** A formula saved without a cached result: its value is unknown, never zero. */
    record FormulaWithoutResult(String formula) implements CellValue {
        public String display() {
            return "=" + formula;
        }
    }

    default boolean isBlank() {
        return this instanceof Blank || (this instanceof Text t && t.value().isBlank());
    }

    /** The content as text (numbers as written without a trailing .0). */
    default String asText() {
        return display().trim();
    }
}
