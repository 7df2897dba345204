package id.pantauspm.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who an office is by mail: a CSV kept by the operator, one line per office,
 * {@code kode_wilayah,bidang,surel} (e.g. {@code 33.74,KES,dinkes@semarangkota.go.id}; bidang
 * empty or {@code *} for every field of the region), a header line and # comments allowed.
 */
public final class OfficeContacts {

    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%+\\-]+@[A-Za-z0-9.\\-]+\\.[A-Za-z]{2,}");

    private record Line(String region, String field, String address) {
    }

    private final List<Line> lines;

    private OfficeContacts(List<Line> lines) {
        this.lines = List.copyOf(lines);
    }

    public static OfficeContacts none() {
        return new OfficeContacts(List.of());
    }

    /** The list in the file; none when the file is missing. A line without an address is an error naming the line. */
    public static OfficeContacts load(Path file) throws IOException {
        if (file == null || !Files.isRegularFile(file)) {
            return none();
        }
        List<Line> lines = new ArrayList<>();
        int n = 0;
        for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.toLowerCase(Locale.ROOT).startsWith("kode_wilayah")) {
                continue;
            }
            String[] cells = line.split("[,;]", -1);
            Optional<String> address = cells.length >= 3 ? address(cells[2]) : Optional.empty();
            if (address.isEmpty()) {
                throw new IOException(file + ":" + n + ": expected kode_wilayah,bidang,surel, found: " + raw);
            }
            String field = cells[1].strip().toUpperCase(Locale.ROOT);
            lines.add(new Line(cells[0].strip(), field.isEmpty() ? "*" : field, address.get()));
        }
        return new OfficeContacts(lines);
    }

    /** Addresses for a submission covering these regions and fields: exact field first, else the region's catch-all. */
    public Set<String> addressesFor(Set<String> regions, Set<String> fields) {
        Set<String> found = new LinkedHashSet<>();
        for (String region : regions) {
            boolean exact = false;
            for (Line l : lines) {
                if (l.region().equals(region) && fields.contains(l.field())) {
                    found.add(l.address());
                    exact = true;
                }
            }
            if (!exact) {
                lines.stream().filter(l -> l.region().equals(region) && l.field().equals("*")).forEach(l -> found.add(l.address()));
            }
        }
        return found;
    }

    /** The mail address in a contact cell such as "0812-3456 / dinkes@kudus.go.id", if there is one. */
    public static Optional<String> address(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = ADDRESS.matcher(text);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }
}
