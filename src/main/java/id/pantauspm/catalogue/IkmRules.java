package id.pantauspm.catalogue;

import java.util.List;
import java.util.Optional;

/**
 * The IKM rules of indicators/ikm.yaml: the regimes a survey can follow (the first is today's,
 * PermenPAN-RB 14/2017) and the minimum sample table. {@code version} is recorded with every result.
 */
public record IkmRules(String version, List<IkmRegime> regimes, SampleSizeTable sampleSize) {

    public IkmRules {
        regimes = List.copyOf(regimes);
    }

    public Optional<IkmRegime> regime(String code) {
        return regimes.stream().filter(r -> r.code().equals(code)).findFirst();
    }

    /** The regime of today's surveys: the first listed. */
    public IkmRegime current() {
        return regimes.get(0);
    }

    /** The regime with this many unsur (9 or 14), which is how a wide survey sheet shows which it follows. */
    public Optional<IkmRegime> withUnsurCount(int count) {
        return regimes.stream().filter(r -> r.unsurCount() == count).findFirst();
    }

    /** The regime a survey's declaration names; empty when it names none, or more than one. */
    public Optional<IkmRegime> declaredBy(String text) {
        List<IkmRegime> named = regimes.stream().filter(r -> r.declaredBy(text)).toList();
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    /** The most unsur any regime has (14): how far a header is searched for unsur columns. */
    public int maxUnsur() {
        return regimes.stream().mapToInt(IkmRegime::unsurCount).max().orElse(0);
    }
}
