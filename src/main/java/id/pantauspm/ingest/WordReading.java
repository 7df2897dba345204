package id.pantauspm.ingest;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import id.pantauspm.catalogue.Catalogue;

/**
 * Reads a column header or a file name by the words offices use (the catalogue's {@code words} per
 * service and {@code measure_words} per measure): {@code jumlah_estimasi_penderita} holds
 * "estimasi" (SASARAN), {@code ...-penderita-hipertensi-...} holds "hipertensi" (KES-K08). Words
 * match whole words, case, accents and punctuation aside ({@code jml_penderita_dm} holds "dm", and
 * "admin" does not).
 */
public final class WordReading {

    /** A word found: what it stands for (a service code or a local measure code) and the word itself. */
    public record Found(String code, String word) {
    }

    private final Catalogue.Words words;

    public WordReading(Catalogue catalogue) {
        this.words = catalogue.words();
    }

    /** " jumlah estimasi penderita ": lower case, accents off, every run of other characters one space; % kept. */
    public static String tokens(String text) {
        if (text == null) {
            return " ";
        }
        String t = Normalizer.normalize(CellText.clean(text), Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replace("%", " % ");
        return " " + t.replaceAll("[^a-z0-9%]+", " ").trim() + " ";
    }

    /**
     * The services whose words the text holds, each once with the longest of its words found. A
     * service whose word lies inside a longer word of another found service is dropped ("ibu hamil"
     * inside a longer phrase of the same kind): only distinct readings remain.
     */
    public List<Found> services(String text) {
        String t = tokens(text);
        List<Found> found = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : words.byService().entrySet()) {
            String best = null;
            for (String w : e.getValue()) {
                if (t.contains(tokens(w)) && (best == null || w.length() > best.length())) {
                    best = w;
                }
            }
            if (best != null) {
                found.add(new Found(e.getKey(), best));
            }
        }
        List<Found> distinct = new ArrayList<>();
        for (Found f : found) {
            boolean inside = found.stream().anyMatch(o -> o != f && o.word().length() > f.word().length()
                    && tokens(o.word()).contains(tokens(f.word())));
            if (!inside) {
                distinct.add(f);
            }
        }
        distinct.sort(java.util.Comparator.comparing(Found::code));
        return distinct;
    }

    /** The measure the text names, by the first measure (in the catalogue's order) whose word it holds. */
    public Optional<Found> measure(String text) {
        String t = tokens(text);
        for (Map.Entry<String, List<String>> e : words.byMeasure().entrySet()) {
            for (String w : e.getValue()) {
                if (t.contains(tokens(w))) {
                    return Optional.of(new Found(e.getKey(), w));
                }
            }
        }
        return Optional.empty();
    }
}
