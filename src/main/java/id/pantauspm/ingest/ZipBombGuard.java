package id.pantauspm.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.InputStreamStatistics;

/**
 * Unpacks every XML part of an xlsx once, counting, before the streaming reader is given the file.
 * fastexcel-reader opens the zip with commons-compress's {@link ZipFile} and hands each part to a
 * StAX parser; it has no limit of its own. Measured on this machine with a 1 GiB heap:
 * <ul>
 *   <li>a 975 KB file whose one cell (or one shared string) unpacks to 1 GB of text: OutOfMemoryError,
 *       which would fail the whole nightly run, again at every restart;</li>
 *   <li>a 198 KB file whose one row unpacks to 200 MB of empty cells: OutOfMemoryError after 34 s;</li>
 *   <li>a 1.9 MB file unpacking to 2 GB of blanks between elements: 15 s of parsing for nothing.</li>
 * </ul>
 * Genuine workbooks measured for comparison (200,000 rows of eight columns, POI and LibreOffice,
 * varied and all-identical rows): sheet parts unpack 11x to 21.5x (row and cell numbers keep even
 * identical rows from compressing further), 410-420 bytes of XML per row, no run of more than 456
 * bytes between two {@code <}. Excel caps a cell at 32,767 characters, at most about 200 KB of escaped
 * UTF-8. Hence the limits below, each several times what a genuine workbook reaches. The check reads
 * the zip with the same library as the reader, so both see the same parts; it costs about 0.2 s per
 * 80 MB of XML against about 5 s for reading the rows.
 */
final class ZipBombGuard {

    /**
     * What the counting pass saw on the way, so that rarer shapes cost nothing on common files:
     * Strict Open XML namespaces, ISO date cells ({@code t="d"}), which the streaming reader cannot
     * read, and the worksheet parts that declare merged ranges.
     */
    record PackageFacts(boolean strict, boolean dateCells, java.util.Set<String> partsWithMergedCells) {
        boolean needsTransitionalCopy() {
            return strict || dateCells;
        }
    }

    static final String STRICT_NAMESPACE = "purl.oclc.org/ooxml/";
    private static final String DATE_CELL = " t=\"d\"";
    private static final String MERGE_CELL = "<mergeCell ";
    private static final String PREFIXED_MERGE_CELL = ":mergeCell ";

    /** A part may unpack to at most this many times its packed size (POI's ZipSecureFile default too)... */
    static final long MAX_RATIO = 100;
    /** ...once it has unpacked more than this, so that a small, very regular part is never refused. */
    static final long RATIO_GRACE_BYTES = 1L << 20;
    /** The longest run of bytes between two '<': bounds every text node and tag a parser must hold. */
    static final long MAX_TOKEN_BYTES = 1L << 20;
    /** Shared strings are kept in memory by the reader: bounded separately, per data row allowed. */
    static final long SHARED_STRINGS_BYTES_PER_ROW = 128;
    static final long MIN_SHARED_STRINGS_BYTES = 64L << 20;

    private ZipBombGuard() {
    }

    /** Refuses the file (file_zip_bomb, naming the part) when a part unpacks beyond what a workbook can hold. */
    static PackageFacts check(Path file, IngestLimits limits) throws FileRefusedException {
        long maxSharedStrings = limits.maxDataRows() > Long.MAX_VALUE / SHARED_STRINGS_BYTES_PER_ROW ? Long.MAX_VALUE
                : Math.max(MIN_SHARED_STRINGS_BYTES, limits.maxDataRows() * SHARED_STRINGS_BYTES_PER_ROW);
        return check(file, limits.maxUnzippedXmlBytes(), maxSharedStrings);
    }

    /** The check with explicit caps on all XML and on the shared strings. */
    static PackageFacts check(Path file, long maxXml, long maxSharedStrings) throws FileRefusedException {
        long[] totalXml = {0};
        boolean[] seen = new boolean[2]; // strict, date cells
        java.util.Set<String> merged = new java.util.LinkedHashSet<>();
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                if (entry.isDirectory()) {
                    continue;
                }
                boolean sharedStrings = entry.getName().toLowerCase(Locale.ROOT).endsWith("sharedstrings.xml");
                try (InputStream in = zip.getInputStream(entry)) {
                    Facts facts = new Facts();
                    String reason = scan(in, entry, totalXml, maxXml, sharedStrings ? maxSharedStrings : Long.MAX_VALUE, facts);
                    seen[0] |= facts.strict;
                    seen[1] |= facts.dateCells;
                    if (facts.merged) {
                        merged.add(entry.getName());
                    }
                    if (reason != null) {
                        throw new FileRefusedException(Problem.file("file_zip_bomb", shortName(entry.getName())),
                                new IOException(reason));
                    }
                }
            }
        } catch (FileRefusedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new FileRefusedException(Problem.corrupt(file, e), e);
        }
        return new PackageFacts(seen[0], seen[1], java.util.Set.copyOf(merged));
    }

    /** What one part showed; patterns are looked for across buffer edges through a short carried tail. */
    private static final class Facts {
        boolean strict;
        boolean dateCells;
        boolean merged;
        private String tail = "";

        void look(byte[] buffer, int n) {
            String text = tail + new String(buffer, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
            strict |= text.contains(STRICT_NAMESPACE);
            dateCells |= text.contains(DATE_CELL) || text.contains(DATE_CELL.replace('"', '\''));
            merged |= text.contains(MERGE_CELL) || text.contains(PREFIXED_MERGE_CELL);
            tail = text.substring(Math.max(0, text.length() - 24));
        }
    }

    /** Why the part is refused, or null. Parts that cannot be XML (images, vbaProject.bin) are left unread. */
    private static String scan(InputStream in, ZipArchiveEntry entry, long[] totalXml, long maxXml, long maxPart,
                               Facts facts) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long unpacked = 0;
        long run = 0;
        boolean first = true;
        int n;
        while ((n = in.read(buffer)) > 0) {
            if (first && !mayBeXml(buffer[0])) {
                return null;
            }
            first = false;
            facts.look(buffer, n);
            for (int i = 0; i < n; i++) {
                if (buffer[i] == '<') {
                    run = 0;
                } else if (++run > MAX_TOKEN_BYTES) {
                    return "more than " + MAX_TOKEN_BYTES + " bytes without markup";
                }
            }
            unpacked += n;
            totalXml[0] += n;
            if (totalXml[0] > maxXml) {
                return "workbook XML over " + maxXml + " bytes";
            }
            if (unpacked > maxPart) {
                return "part over " + maxPart + " bytes";
            }
            if (unpacked > RATIO_GRACE_BYTES) {
                long packed = in instanceof InputStreamStatistics s ? s.getCompressedCount() : entry.getCompressedSize();
                if (unpacked > MAX_RATIO * Math.max(1, packed)) {
                    return "unpacks " + unpacked / Math.max(1, packed) + " times its size";
                }
            }
        }
        return null;
    }

    /**
     * Whether a part starting with this byte could be parsed as XML: markup, white space, or the first
     * byte of a UTF-8, UTF-16 or UTF-32 encoding mark or declaration. Anything else the XML parser
     * rejects at its first byte, so it cannot hurt.
     */
    private static boolean mayBeXml(byte b) {
        int c = b & 0xFF;
        return c == '<' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xEF || c == 0xFE || c == 0xFF || c == 0;
    }

    private static String shortName(String name) {
        String clean = name.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 80 ? clean : "..." + clean.substring(clean.length() - 77);
    }
}
