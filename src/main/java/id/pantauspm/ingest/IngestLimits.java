package id.pantauspm.ingest;

/**
 * How much one received file may hold. A file over a limit is refused whole, with a receipt saying
 * which limit and what to do; the run goes on with the other files.
 *
 * @param maxFileBytes the size of the file as received (settings: {@code pantau.ingest.max-file-bytes})
 * @param maxDataRows  data rows per file, over all its sheets (settings: {@code pantau.ingest.max-rows})
 */
public record IngestLimits(long maxFileBytes, long maxDataRows) {

    public static final long DEFAULT_MAX_FILE_BYTES = 100L * 1024 * 1024;
    public static final long DEFAULT_MAX_DATA_ROWS = 2_000_000;
    /** Characters of a note (keterangan, or the words of a problem or solution) kept per value; the rest is cut, with a warning. */
    public static final int MAX_NOTE_CHARS = 2000;

    /**
     * XML a workbook may unpack to, per data row allowed. Measured: a POI or LibreOffice sheet of eight
     * columns takes 410-420 bytes of XML per row; 2 KiB per row leaves room for wide, styled rows.
     */
    static final long UNZIPPED_XML_BYTES_PER_ROW = 2048;
    static final long MIN_UNZIPPED_XML_BYTES = 256L * 1024 * 1024;

    public IngestLimits {
        if (maxFileBytes <= 0 || maxDataRows <= 0) {
            throw new IllegalArgumentException("ingest limits must be positive: max-file-bytes " + maxFileBytes
                    + ", max-rows " + maxDataRows);
        }
    }

    public static IngestLimits defaults() {
        return new IngestLimits(DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_DATA_ROWS);
    }

    /** How much XML all parts of one workbook may unpack to: enough for {@link #maxDataRows} wide rows. */
    public long maxUnzippedXmlBytes() {
        return Math.max(MIN_UNZIPPED_XML_BYTES, saturatedMultiply(maxDataRows, UNZIPPED_XML_BYTES_PER_ROW));
    }

    private static long saturatedMultiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        return high != 0 || a * b < 0 ? Long.MAX_VALUE : a * b;
    }
}
