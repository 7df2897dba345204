package id.pantauspm.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import id.pantauspm.catalogue.CatalogueLoader;
import id.pantauspm.regions.RegionDirectory;

@DisplayName("RowParser: a value for the other level of government is rejected with what to send instead")
class RowParserLevelTest {

    final RowParser parser = new RowParser(new CatalogueLoader().load(Path.of("indicators")), RegionDirectory.official());
    final Map<Column, Integer> positions = Map.of(Column.REGION_CODE, 0, Column.PERIOD, 1, Column.MEASURE_CODE, 2, Column.VALUE, 3);

    ParsedRow parse(String region, String measure) {
        RawRow raw = new RawRow("Data", 5, List.of(new CellValue.Text(region), new CellValue.Text("2025"),
                new CellValue.Text(measure), new CellValue.Number(java.math.BigDecimal.TEN)));
        return parser.parse(new SourceRow(raw, positions), DecimalConvention.DOT);
    }

    @Test
    void aProvinceReportingAKabupatenKotaServiceIsToldToUseItsOwnServices() {
        ParsedRow row = parse("33", "KES-K01.SASARAN");
        assertThat(row.accepted()).isFalse();
        assertThat(row.problems()).extracting(Problem::code, Problem::column, Problem::found)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("measure_for_regency", "C", "KES-K01.SASARAN"));
    }

    @Test
    void aKabupatenReportingAProvinceServiceIsRejectedToo() {
        assertThat(parse("33.74", "KES-P01.SASARAN").problems()).extracting(Problem::code).containsExactly("measure_for_province");
        assertThat(parse("33.74", "KES-K01.SASARAN").accepted()).isTrue();
        assertThat(parse("33", "KES-P01.SASARAN").accepted()).isTrue();
    }
}
