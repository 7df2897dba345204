package id.pantauspm.regions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The official list of provinces and kabupaten/kota, and the resolution of what offices type
 * into a region cell (codes with or without the dot, codes Excel shortened, names).
 */
public final class RegionDirectory {

    /** Where the shipped list lives on the classpath (with its licence beside it). */
    public static final String RESOURCE = "/regions/wilayah.csv";

    private static final Pattern DOTTED = Pattern.compile("(\\d{2})\\.(\\d{1,2})");
    private static final Pattern PROVINCE = Pattern.compile("\\d{2}");
    private static final Pattern FOUR_DIGITS = Pattern.compile("(\\d{2})(\\d{2})");

    private final Map<String, Region> byCode;
    private final Map<String, List<Region>> byNormalizedName = new LinkedHashMap<>();
    /** Names without their kind (kabupaten, kota, provinsi): "pacitan", "jakarta pusat". */
    private final Map<String, List<Region>> byBareName = new LinkedHashMap<>();

    public RegionDirectory(Collection<Region> regions) {
        this.byCode = new LinkedHashMap<>();
        for (Region r : regions) {
            byCode.put(r.code(), r);
            byNormalizedName.computeIfAbsent(normalizeName(r.name()), k -> new ArrayList<>()).add(r);
            byBareName.computeIfAbsent(bareName(normalizeName(r.name())), k -> new ArrayList<>()).add(r);
        }
    }

    public static RegionDirectory official() {
        try (InputStream in = RegionDirectory.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing region list " + RESOURCE);
            }
            return new RegionDirectory(readCsv(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Region> readCsv(InputStream in) throws IOException {
        List<Region> regions = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (header == null || !header.startsWith("kode,nama,tingkat")) {
                throw new IOException("unexpected header in region list: " + header);
            }
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                // Names in the official list contain no commas, so a plain split is exact.
                String[] f = line.split(",", -1);
                Region.Level level = Region.Level.valueOf(f[2].toUpperCase(Locale.ROOT));
                String province = level.isProvince() ? f[0] : f[3];
                regions.add(new Region(f[0], f[1], level, province, f[4].isEmpty() ? 0 : Long.parseLong(f[4])));
            }
        }
        return regions;
    }

    public Optional<Region> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public Collection<Region> all() {
        return byCode.values();
    }

    public List<Region> provinces() {
        return byCode.values().stream().filter(Region::isProvince).toList();
    }

    public List<Region> regenciesOf(String provinceCode) {
        return byCode.values().stream()
                .filter(r -> !r.isProvince() && r.provinceCode().equals(provinceCode))
                .sorted(Comparator.comparing(Region::code))
                .toList();
    }

    /** How a region cell was understood. */
    public record Resolution(Region region, Note note) {
        public enum Note { EXACT, WITHOUT_DOT, SHORTENED_BY_EXCEL, BY_NAME }
    }

    /**
     * Resolves a cell's text to one region, or nothing when it matches none or more than one.
     * {@code 3374} is read as 33.74; {@code 11.1} (Excel's reading of 11.10) only when 11.1 itself
     * does not exist; a name only when it matches exactly one region after normalising.
     */
    public Optional<Resolution> resolve(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.trim();
        if (t.endsWith(".0") && PROVINCE.matcher(t.substring(0, t.length() - 2)).matches()) {
            t = t.substring(0, t.length() - 2); // a province code typed as a number
        }
        if (PROVINCE.matcher(t).matches()) {
            return find(t).map(r -> new Resolution(r, Resolution.Note.EXACT));
        }
        Matcher dotted = DOTTED.matcher(t);
        if (dotted.matches()) {
            String kk = dotted.group(2);
            if (kk.length() == 2) {
                return find(t).map(r -> new Resolution(r, Resolution.Note.EXACT));
            }
            // One digit after the dot: Excel dropped a trailing zero (11.10 -> 11.1). Only 11.10 can be meant,
            // because codes always have two digits after the dot.
            return find(dotted.group(1) + "." + kk + "0").map(r -> new Resolution(r, Resolution.Note.SHORTENED_BY_EXCEL));
        }
        Matcher four = FOUR_DIGITS.matcher(t);
        if (four.matches()) {
            return find(four.group(1) + "." + four.group(2)).map(r -> new Resolution(r, Resolution.Note.WITHOUT_DOT));
        }
        String normalized = normalizeName(t);
        List<Region> named = byNormalizedName.getOrDefault(normalized, List.of());
        if (named.size() == 1) {
            return Optional.of(new Resolution(named.get(0), Resolution.Note.BY_NAME));
        }
        if (named.isEmpty() && normalized.equals(bareName(normalized))) {
            // A name without its kind ("PACITAN") stands for the one region so named, never for two (Bogor).
            List<Region> bare = byBareName.getOrDefault(normalized, List.of());
            if (bare.size() == 1) {
                return Optional.of(new Resolution(bare.get(0), Resolution.Note.BY_NAME));
            }
        }
        return Optional.empty();
    }

    /**
     * The official names closest to a name no region has (at most {@code limit}, the closest first):
     * what the receipt offers when an office's spelling is not recognised. Empty for text that is not
     * a name (a code or a number).
     */
    public List<Region> closestNames(String text, int limit) {
        if (text == null || !text.matches(".*\\p{L}.*")) {
            return List.of();
        }
        String n = normalizeName(text);
        String bare = bareName(n);
        record Scored(Region region, int distance) {
        }
        return byCode.values().stream()
                .map(r -> {
                    String full = normalizeName(r.name());
                    int d = Math.min(distance(n, full), distance(bare, bareName(full)) + (n.equals(bare) ? 0 : 1));
                    return new Scored(r, d);
                })
                .filter(s -> s.distance() <= Math.max(3, bare.length() / 2))
                .sorted(Comparator.comparingInt(Scored::distance).thenComparing(s -> s.region().code()))
                .limit(limit).map(Scored::region).toList();
    }

    /** Edits (insert, delete, replace one letter) from one text to the other. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }

    /**
     * One spelling for every way officials and portals write a region: KAB. BOGOR, Kabupaten Bogor and
     * kab bogor are "kabupaten bogor"; KAB. ADM. KEP. SERIBU and Kabupaten Administrasi Kepulauan
     * Seribu are "kabupaten kepulauan seribu"; KOTA ADM. JAKARTA PUSAT is "kota jakarta pusat".
     * "Administrasi" is dropped (no region differs from another by it); "Kep." is Kepulauan.
     */
    static String normalizeName(String name) {
        String n = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", " ").replaceAll("\\s+", " ").trim();
        n = (" " + n + " ").replace(" adm ", " ").replace(" administrasi ", " ").replace(" kep ", " kepulauan ")
                .replace(" kab ", " kabupaten ").replace(" kabkota ", " ").replace(" prov ", " provinsi ")
                .replaceAll("\\s+", " ").trim();
        return n.replaceFirst("^provinsi ", "");
    }

    /** A normalised name without its kind: "kabupaten pacitan" is "pacitan". */
    private static String bareName(String normalized) {
        return normalized.replaceFirst("^(kabupaten|kota) ", "");
    }
}
