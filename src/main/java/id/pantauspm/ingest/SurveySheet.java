package id.pantauspm.ingest;

import java.util.Map;
import java.util.SortedMap;

import id.pantauspm.catalogue.IkmRegime;

/**
 * How a sheet holds a community satisfaction survey (IKM), as its header row shows it.
 *
 * @param shape         one row per respondent (WIDE, a column per unsur) or one row per answer (LONG)
 * @param regime        the rule the survey follows: by its number of unsur columns, or as it declares
 * @param columns       where the other columns are (respondent, attributes, unit, question, score, ...)
 * @param unsurColumns  WIDE: unsur number to its column
 * @param context       unit, region, period, population and regime given by labels above the header
 */
public record SurveySheet(String sheet, Shape shape, IkmRegime regime, Map<SurveyColumn, Integer> columns,
                          SortedMap<Integer, Integer> unsurColumns, Map<SurveyColumn, SourceRow.Located> context) {

    public enum Shape { WIDE, LONG }
}
