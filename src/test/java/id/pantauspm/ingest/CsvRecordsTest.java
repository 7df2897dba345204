package id.pantauspm.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("CsvRecords: records split as Excel and LibreOffice split a CSV")
class CsvRecordsTest {

    private static List<List<String>> split(String text, char delimiter) throws Exception {
        CsvRecords records = new CsvRecords(new StringReader(text), delimiter);
        List<List<String>> all = new ArrayList<>();
        for (String[] r; (r = records.next()) != null; ) {
            all.add(List.of(r));
        }
        return all;
    }

    @Test
    @DisplayName("quoted delimiters, doubled quotes and line breaks (LF, CRLF, CR) inside quotes")
    void quoting() throws Exception {
        assertThat(split("a,\"b,c\",\"say \"\"hi\"\"\"\r\n1,\"two\r\nlines\",3\r4,\"x\ry\",5", ','))
                .containsExactly(List.of("a", "b,c", "say \"hi\""), List.of("1", "two\nlines", "3"), List.of("4", "x\ny", "5"));
    }

    @Test
    @DisplayName("a quote that does not start its field is text, and so is a backslash (as LibreOffice reads them)")
    void strayQuotesAndBackslashes() throws Exception {
        assertThat(split("1;pipa 12\" x;3\n2;a\\b;\\\"\n3;4;5\n", ';'))
                .containsExactly(List.of("1", "pipa 12\" x", "3"), List.of("2", "a\\b", "\\\""), List.of("3", "4", "5"));
    }

    @Test
    @DisplayName("text after a closing quote is kept; a leading space makes the quote text")
    void afterTheClosingQuote() throws Exception {
        assertThat(split("\"ab\"c,d\n \"e\" ,f\n", ',')).containsExactly(List.of("abc", "d"), List.of(" \"e\" ", "f"));
    }

    @Test
    @DisplayName("empty lines are records of one empty field; a last line without a line break is a record; empty fields kept")
    void emptyLinesAndFields() throws Exception {
        assertThat(split("a\t\tc\n\n\t\nlast", '\t'))
                .containsExactly(List.of("a", "", "c"), List.of(""), List.of("", ""), List.of("last"));
        assertThat(split("", ',')).isEmpty();
        assertThat(split("x\n", ',')).containsExactly(List.of("x"));
    }

    @Test
    @DisplayName("a quote never closed: the record and field where it opens, and the start of its text")
    void unterminated() {
        CsvRecords.UnterminatedQuote e = catchThrowableOfType(CsvRecords.UnterminatedQuote.class,
                () -> split("h1,h2,h3\n1,\"two\nlines\",3\n4,5,\"open\nand on\n7,8,9\n", ','));

        assertThat(e.record).isEqualTo(3);
        assertThat(e.field).isEqualTo(2);
        assertThat(e.start).isEqualTo("open and on 7,8,9");
    }

    @Test
    @DisplayName("a field longer than the read buffer is read whole")
    void longFields() throws Exception {
        String longText = "x".repeat(200_000);
        assertThat(split("\"" + longText + "\"," + longText + "\n", ',')).containsExactly(List.of(longText, longText));
    }
}
