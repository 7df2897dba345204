package id.pantauspm.catalogue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.pantauspm.catalogue.CatalogueCheck.At;
import id.pantauspm.catalogue.CatalogueFiles.Source;
import id.pantauspm.catalogue.YamlTree.Node;
import id.pantauspm.catalogue.YamlTree.Property;
import id.pantauspm.catalogue.YamlTree.Scalar;
import id.pantauspm.catalogue.YamlTree.Sequence;

/**
 * The checks of indicators/ikm.yaml, run by {@link CatalogueCheck} with the rest of the catalogue so
 * `pantau catalog check` lists every problem with its file and line: required keys; regime codes;
 * unsur U1..Un in order with names, no word naming two unsur; the weight exactly 1/n for n unsur
 * (the regulation's equal weights); bands from the highest, ending at max score x scale (100.00),
 * starting at min score x scale (25.00), each min the max of the band below plus 0.01; the sample
 * table ascending, each sample at most its population.
 */
final class IkmRulesCheck {

    private static final String SOURCE_FIX = "name the regulation it comes from, e.g. source: \"PermenPAN-RB 14/2017, Lampiran\"";
    private static final Pattern FRACTION = Pattern.compile("^\\s*1\\s*/\\s*(\\d+)\\s*$");
    private static final BigDecimal STEP = new BigDecimal("0.01");

    private final CatalogueCheck check;

    IkmRulesCheck(CatalogueCheck check) {
        this.check = check;
    }

    void check(Source doc) {
        At root = check.root(doc, "rules_version:, regimes: and sample_size:");
        if (root == null) {
            return;
        }
        root.allowOnly("rules_version", "regimes", "sample_size");
        root.text("rules_version", "a name recorded with every IKM result, e.g. rules_version: \"ikm-2026.1\"");
        Property regimesKey = root.map.property("regimes");
        List<At> regimes = root.list("regimes", true, "list the regimes, PermenPAN-RB 14/2017 first");
        if (regimesKey != null && regimesKey.value() instanceof Sequence && regimes.isEmpty()) {
            root.problem("regimes", regimesKey.line(), "no regime; add PermenPAN-RB 14/2017 with its 9 unsur");
        }
        Map<String, Integer> codes = new LinkedHashMap<>();
        Map<String, String> declarations = new LinkedHashMap<>();
        Map<Integer, String> unsurCounts = new LinkedHashMap<>();
        for (At r : regimes) {
            String code = checkRegime(r, declarations);
            if (code != null) {
                Integer first = codes.putIfAbsent(code, lineOf(r, "code"));
                if (first != null) {
                    r.problem("code", code + " appears twice (first at line " + first + "); every result names its regime, so give each its own");
                }
            }
            List<At> unsur = r.list("unsur", false, null);
            if (!unsur.isEmpty()) {
                String other = unsurCounts.putIfAbsent(unsur.size(), code);
                if (other != null) {
                    r.problem("unsur", lineOf(r, "unsur"), "regime " + other + " also has " + unsur.size()
                            + " unsur; a survey sheet shows its regime by its number of unsur columns, so no two regimes may have the same number");
                }
            }
        }
        At sample = root.child("sample_size", true, "add sample_size: with method: krejcie_morgan, source and table");
        if (sample != null) {
            checkSampleSize(sample);
        }
    }

    private String checkRegime(At r, Map<String, String> declarations) {
        r.allowOnly("code", "name", "source", "declared_as", "scores", "weight", "shortcut_weight", "scale", "unsur", "bands");
        String code = r.code("code", "the regime's code, e.g. PERMENPANRB_14_2017");
        r.localized("name", true);
        r.text("source", SOURCE_FIX);
        for (Scalar s : texts(r, "declared_as", "the words that name the regime in a survey's \"Dasar\" cell, e.g. declared_as: [\"14/2017\"]")) {
            String n = IkmRegime.normalize(s.text());
            if (n.isEmpty()) {
                r.problem("declared_as", s.line(), "'" + s.text() + "' has no letter or digit to compare");
                continue;
            }
            String other = declarations.putIfAbsent(n, code);
            if (other != null && !other.equals(code)) {
                r.problem("declared_as", s.line(), "'" + s.text() + "' already names regime " + other + "; a declaration must name one regime");
            }
        }
        Integer min = null;
        Integer max = null;
        At scores = r.child("scores", true, "add scores: {min: 1, max: 4}");
        if (scores != null) {
            scores.allowOnly("min", "max");
            min = whole(scores, "min");
            max = whole(scores, "max");
            if (min != null && max != null && min >= max) {
                scores.problem("max", "the highest score " + max + " must be above the lowest " + min);
                min = null;
            }
        }
        Integer scale = whole(r, "scale");
        if (scale != null && scale < 1) {
            r.problem("scale", "the scale turns mean scores into the index (25 for 25-100); it must be at least 1");
            scale = null;
        }
        BigDecimal shortcut = r.number("shortcut_weight", true);
        if (shortcut != null && (shortcut.signum() <= 0 || shortcut.compareTo(BigDecimal.ONE) >= 0)) {
            r.problem("shortcut_weight", "the rounded weight spreadsheets use (0.11) lies between 0 and 1");
        }

        Property unsurKey = r.map.property("unsur");
        List<At> unsur = r.list("unsur", true, "list the regime's unsur U1, U2, ... in the regulation's order");
        if (unsurKey != null && unsurKey.value() instanceof Sequence && unsur.isEmpty()) {
            r.problem("unsur", unsurKey.line(), "no unsur; list them U1, U2, ... in the regulation's order");
        }
        Map<String, String> words = new LinkedHashMap<>();
        for (int i = 0; i < unsur.size(); i++) {
            At u = unsur.get(i);
            u.allowOnly("code", "name", "aliases");
            String expected = "U" + (i + 1);
            String uc = u.text("code", "the unsur's column code, " + expected);
            if (uc != null && !uc.equals(expected)) {
                u.problem("code", "'" + uc + "' is unsur number " + (i + 1) + " in this list: its code is " + expected
                        + " (survey sheets head the columns U1, U2, ... in the regulation's order)");
            }
            u.localized("name", true);
            List<Scalar> aliases = new ArrayList<>(texts(u, "aliases", null));
            for (Scalar a : aliases) {
                String n = IkmRegime.normalize(a.text());
                if (n.isEmpty()) {
                    u.problem("aliases", a.line(), "'" + a.text() + "' has no letter or digit to compare");
                    continue;
                }
                if (IkmRegime.numberOfCode(n).isPresent() || n.matches("\\d+")) {
                    u.problem("aliases", a.line(), "'" + a.text() + "' reads as an unsur number; aliases are words, codes are implied");
                    continue;
                }
                String other = words.putIfAbsent(n, expected);
                if (other != null && !other.equals(expected)) {
                    u.problem("aliases", a.line(), "'" + a.text() + "' already names " + other + "; a word may name one unsur only");
                }
            }
        }
        Scalar weight = r.scalar("weight", true, "write weight: 1/" + Math.max(1, unsur.size()));
        if (weight != null) {
            Matcher m = FRACTION.matcher(weight.text());
            if (!m.matches()) {
                r.problem("weight", weight.line(), "'" + weight.text() + "' is not a fraction 1/n; every unsur weighs the same, write weight: 1/"
                        + Math.max(1, unsur.size()));
            } else if (!unsur.isEmpty() && Integer.parseInt(m.group(1)) != unsur.size()) {
                r.problem("weight", weight.line(), "1/" + m.group(1) + " does not fit " + unsur.size() + " unsur of equal weight; write weight: 1/" + unsur.size());
            }
        }
        List<At> bands = r.list("bands", true, "list the bands A to D with min and max");
        if (min != null && max != null && scale != null) {
            checkBands(r, bands, BigDecimal.valueOf((long) min * scale).setScale(2), BigDecimal.valueOf((long) max * scale).setScale(2));
        } else {
            checkBands(r, bands, null, null);
        }
        return code;
    }

    /** Bands listed from the highest, each min the next one's max plus 0.01, covering lowest..highest exactly. */
    private void checkBands(At r, List<At> bands, BigDecimal lowest, BigDecimal highest) {
        Map<String, Integer> codes = new LinkedHashMap<>();
        At above = null;
        BigDecimal aboveMin = null;
        for (At b : bands) {
            b.allowOnly("code", "name", "min", "max");
            String code = b.code("code", "a band code such as A");
            if (code != null) {
                Integer first = codes.putIfAbsent(code, lineOf(b, "code"));
                if (first != null) {
                    b.problem("code", code + " appears twice in this regime's bands (first at line " + first + ")");
                }
            }
            b.localized("name", true);
            BigDecimal min = b.number("min", true);
            BigDecimal max = b.number("max", true);
            if (min != null && max != null && min.compareTo(max) > 0) {
                b.problem("max", "max " + max.toPlainString() + " is below min " + min.toPlainString());
            }
            if (above == null && max != null && highest != null && max.compareTo(highest) != 0) {
                b.problem("max", "the highest band ends at " + highest.toPlainString() + " (the highest score x scale); found " + max.toPlainString());
            }
            if (above != null && aboveMin != null && max != null && max.add(STEP).compareTo(aboveMin) != 0) {
                b.problem("max", "the band above starts at " + aboveMin.toPlainString() + ", so this one ends at "
                        + aboveMin.subtract(STEP).toPlainString() + " (bands are read at two decimals; anything else leaves a gap or an overlap); found "
                        + max.toPlainString());
            }
            above = b;
            aboveMin = min;
        }
        if (above != null && aboveMin != null && lowest != null && aboveMin.compareTo(lowest) != 0) {
            above.problem("min", "the lowest band starts at " + lowest.toPlainString() + " (the lowest score x scale); found " + aboveMin.toPlainString());
        }
    }

    private void checkSampleSize(At s) {
        s.allowOnly("method", "source", "table");
        s.oneOf("method", List.of("krejcie_morgan"), true);
        s.text("source", SOURCE_FIX);
        Property table = s.map.property("table");
        if (table == null || !(table.value() instanceof Sequence seq) || seq.items().isEmpty()) {
            s.problem("table", table == null ? s.map.line() : table.line(), "missing; list rows [population, sample] from the smallest population");
            return;
        }
        long previousPopulation = 0;
        long previousSample = 0;
        for (int i = 0; i < seq.items().size(); i++) {
            Node row = seq.items().get(i);
            String where = "table[" + i + "]";
            if (!(row instanceof Sequence pair) || pair.items().size() != 2
                    || !(pair.items().get(0) instanceof Scalar p) || !(pair.items().get(1) instanceof Scalar n)) {
                s.problem(where, row.line(), "expected [population, sample], e.g. [100, 80]");
                continue;
            }
            Long population = wholeOf(p);
            Long sample = wholeOf(n);
            if (population == null || sample == null || population < 1 || sample < 1) {
                s.problem(where, row.line(), "population and sample are whole numbers of at least 1");
                continue;
            }
            if (sample > population) {
                s.problem(where, row.line(), "a sample of " + sample + " is more than the population of " + population);
            }
            if (population <= previousPopulation) {
                s.problem(where, row.line(), "populations ascend: " + population + " follows " + previousPopulation);
            } else if (sample < previousSample) {
                s.problem(where, row.line(), "a larger population never needs a smaller sample: " + sample + " follows " + previousSample);
            }
            previousPopulation = Math.max(previousPopulation, population);
            previousSample = Math.max(previousSample, sample);
        }
    }

    /** A list of plain texts under a key (declared_as, aliases); problems for anything else. */
    private static List<Scalar> texts(At at, String key, String requiredFix) {
        Property p = at.map.property(key);
        if (p == null || p.value() instanceof Scalar s && s.isNull()) {
            if (requiredFix != null) {
                at.problem(key, p == null ? at.map.line() : p.line(), "missing; " + requiredFix);
            }
            return List.of();
        }
        if (!(p.value() instanceof Sequence seq)) {
            at.problem(key, p.line(), "expected a list of words, e.g. [\"persyaratan\"]");
            return List.of();
        }
        List<Scalar> out = new ArrayList<>();
        for (Node item : seq.items()) {
            if (item instanceof Scalar s && !s.isNull() && !s.text().isBlank()) {
                out.add(s);
            } else {
                at.problem(key, item.line(), "expected a word in quotes");
            }
        }
        return out;
    }

    private static int lineOf(At at, String key) {
        Property p = at.map.property(key);
        return p == null ? at.map.line() : p.line();
    }

    private static Integer whole(At at, String key) {
        BigDecimal n = at.number(key, true);
        if (n == null) {
            return null;
        }
        if (n.stripTrailingZeros().scale() > 0) {
            at.problem(key, "expected a whole number, found " + n.toPlainString());
            return null;
        }
        return n.intValueExact();
    }

    private static Long wholeOf(Scalar s) {
        try {
            BigDecimal n = new BigDecimal(s.text().trim());
            return n.stripTrailingZeros().scale() > 0 ? null : n.longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }
}
