package id.pantauspm.catalogue;

import java.math.BigDecimal;
import java.util.List;

/** How an indicator is computed from measures (full measure codes). */
public sealed interface Formula {

    List<String> measures();

    /** numerator / denominator x factor. */
    record Ratio(String numerator, String denominator, BigDecimal factor) implements Formula {
        public List<String> measures() {
            return List.of(numerator, denominator);
        }
    }

    record Sum(List<String> of) implements Formula {
        public List<String> measures() {
            return of;
        }
    }

    /** The indicator is a reported measure itself (e.g. a participation rate). */
    record Direct(String of) implements Formula {
        public List<String> measures() {
            return List.of(of);
        }
    }
}
