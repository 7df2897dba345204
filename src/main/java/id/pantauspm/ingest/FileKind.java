package id.pantauspm.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * What a file really is, from its bytes, whatever its name says. The name chooses the reader; the
 * content must agree with it, and when it does not the receipt says what the file really is.
 * {@link #shownAs} is a name understood in both languages of the receipts (PDF, Excel .xlsx, ...).
 */
enum FileKind {
    /** A zip holding an Office Open XML workbook (xlsx, xlsm). */
    OOXML_WORKBOOK("Excel .xlsx", "xlsx"),
    /** A zip whose central directory (at its end) is missing: the file was cut short. */
    ZIP_TRUNCATED("ZIP", null),
    /** An OLE2 container holding a BIFF workbook (xls). */
    XLS("Excel 97-2003 .xls", "xls"),
    /** An OLE2 container holding an encrypted OOXML package: Office's password-protected workbook. */
    OOXML_ENCRYPTED("Excel (password)", null),
    ODS("OpenDocument .ods", null),
    OPENDOCUMENT_OTHER("OpenDocument", null),
    DOCX("Word .docx", null),
    PPTX("PowerPoint .pptx", null),
    ZIP_OTHER("ZIP", null),
    DOC("Word 97-2003 .doc", null),
    OLE2_OTHER("Office 97-2003", null),
    /** An OLE2 header on a file POI cannot open as a container. */
    OLE2_BROKEN("Office 97-2003", null),
    PDF("PDF", null),
    PNG("PNG", null),
    JPEG("JPEG", null),
    GIF("GIF", null),
    RTF("RTF", null),
    HTML("HTML", null),
    XML("XML", null),
    BINARY("biner / binary", null),
    /** Plain text: what a CSV or delimited .txt is. */
    TEXT("CSV", "csv");

    private static final int SNIFF_BYTES = 4096;

    private final String shownAs;
    private final String nativeExtension;

    FileKind(String shownAs, String nativeExtension) {
        this.shownAs = shownAs;
        this.nativeExtension = nativeExtension;
    }

    String shownAs() {
        return shownAs;
    }

    /** The extension of the reader that takes this content, or null when no reader does. */
    String nativeExtension() {
        return nativeExtension;
    }

    boolean isWorkbook() {
        return this == OOXML_WORKBOOK || this == XLS;
    }

    /**
     * The refusal of a file named {@code .extension} whose content is this kind and cannot be read
     * by the reader the name chose.
     */
    FileRefusedException refusal(Path file, String extension) {
        return switch (this) {
            case OOXML_ENCRYPTED -> new FileRefusedException(Problem.file("file_encrypted"));
            case ZIP_TRUNCATED -> new FileRefusedException(Problem.file("file_truncated"));
            case OLE2_BROKEN -> new FileRefusedException(Problem.file("file_corrupt", "damage.structure"));
            default -> new FileRefusedException(Problem.file("file_content_mismatch", extension, shownAs));
        };
    }

    /** Reads the first bytes, and for containers their table of contents, to tell what the file is. */
    static FileKind of(Path file) throws FileRefusedException {
        byte[] head = FileSignature.head(file, SNIFF_BYTES);
        if (FileSignature.isZip(head) || startsWith(head, 'P', 'K', 5, 6)) {
            return zip(file);
        }
        if (FileSignature.isOle2(head)) {
            return ole2(file);
        }
        if (startsWith(head, '%', 'P', 'D', 'F')) {
            return PDF;
        }
        if (startsWith(head, 0x89, 'P', 'N', 'G')) {
            return PNG;
        }
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (startsWith(head, 'G', 'I', 'F', '8')) {
            return GIF;
        }
        if (startsWith(head, '{', '\\', 'r', 't', 'f')) {
            return RTF;
        }
        if (isUtf16Bom(head)) {
            return TEXT; // Excel's "Unicode Text": UTF-16 with a byte-order mark
        }
        for (byte b : head) {
            if (b == 0) {
                return BINARY;
            }
        }
        String start = new String(head, StandardCharsets.ISO_8859_1).replace("\u00EF\u00BB\u00BF", "").stripLeading()
                .toLowerCase(Locale.ROOT);
        if (start.startsWith("<!doctype html") || start.startsWith("<html") || start.startsWith("<table")
                || start.startsWith("<meta")) {
            return HTML; // what many web applications save under an .xls name
        }
        if (start.startsWith("<?xml")) {
            return XML; // e.g. Excel's "XML Spreadsheet 2003"
        }
        return TEXT;
    }

    static boolean isUtf16Bom(byte[] head) {
        return head.length >= 2 && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
                || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF);
    }

    private static FileKind zip(Path file) throws FileRefusedException {
        if (!hasEndOfCentralDirectory(file)) {
            return ZIP_TRUNCATED;
        }
        Set<String> names = new HashSet<>();
        String mimetype = null;
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
                names.add(e.getName());
                if (e.getName().equals("mimetype") && e.getSize() < 200) {
                    try (InputStream in = zip.getInputStream(e)) {
                        mimetype = new String(in.readNBytes(200), StandardCharsets.US_ASCII);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new FileRefusedException(Problem.corrupt(file, e), e);
        }
        if (mimetype != null) {
            return mimetype.contains("opendocument.spreadsheet") ? ODS : OPENDOCUMENT_OTHER;
        }
        boolean ooxml = names.contains("[Content_Types].xml");
        if (ooxml && names.stream().anyMatch(n -> n.startsWith("xl/"))) {
            return OOXML_WORKBOOK;
        }
        if (ooxml && names.stream().anyMatch(n -> n.startsWith("word/"))) {
            return DOCX;
        }
        if (ooxml && names.stream().anyMatch(n -> n.startsWith("ppt/"))) {
            return PPTX;
        }
        return ZIP_OTHER;
    }

    /**
     * A zip ends with its table of contents (the end-of-central-directory record, PK 5 6, within the
     * last 64 KiB + 22 bytes). A download or copy cut short loses it.
     */
    static boolean hasEndOfCentralDirectory(Path file) throws FileRefusedException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            int tail = (int) Math.min(length, 65_535 + 22);
            byte[] bytes = new byte[tail];
            raf.seek(length - tail);
            raf.readFully(bytes);
            for (int i = tail - 22; i >= 0; i--) {
                if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 5 && bytes[i + 3] == 6) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new FileRefusedException(Problem.corrupt(file, e), e);
        }
    }

    private static FileKind ole2(Path file) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            Set<String> names = fs.getRoot().getEntryNames();
            if (names.contains("EncryptionInfo") || names.contains("EncryptedPackage")) {
                return OOXML_ENCRYPTED;
            }
            for (String n : names) {
                String upper = n.toUpperCase(Locale.ROOT);
                if (upper.equals("WORKBOOK") || upper.equals("BOOK")) {
                    return XLS;
                }
            }
            if (names.contains("WordDocument")) {
                return DOC;
            }
            return OLE2_OTHER;
        } catch (IOException | RuntimeException e) {
            return OLE2_BROKEN;
        }
    }

    private static boolean startsWith(byte[] head, int... bytes) {
        if (head.length < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((head[i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

}
