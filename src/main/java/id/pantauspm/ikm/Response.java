package id.pantauspm.ikm;

import java.util.Map;
import java.util.TreeMap;

/**
 * One respondent's questionnaire as counted: the score given to each unsur answered (unsur number,
 * 1-based, to a score within the regime's scale). An unsur left unanswered is absent, never 0.
 */
public record Response(String respondent, Map<Integer, Integer> scores) {

    public Response {
        scores = java.util.Collections.unmodifiableMap(new TreeMap<>(scores));
    }
}
