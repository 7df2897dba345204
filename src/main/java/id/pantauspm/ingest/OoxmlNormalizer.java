package id.pantauspm.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.stream.XMLEventFactory;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLEventWriter;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.events.Attribute;
import javax.xml.stream.events.Namespace;
import javax.xml.stream.events.StartElement;
import javax.xml.stream.events.XMLEvent;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * A temporary, transitional copy of a workbook the streaming reader cannot read as it is, made
 * only when the counting pass ({@link ZipBombGuard}) saw a reason; the received file is never
 * changed. Two shapes need it:
 * <ul>
 *   <li><b>Strict Open XML</b> (Excel's "Strict Open XML Spreadsheet", ISO/IEC 29500 strict): the
 *       same parts under other namespaces ({@code http://purl.oclc.org/ooxml/spreadsheetml/main}
 *       for {@code http://schemas.openxmlformats.org/spreadsheetml/2006/main}, and so on for
 *       relationships and drawings). The copy uses the transitional names, element for element.</li>
 *   <li><b>ISO date cells</b> ({@code <c t="d"><v>2026-07-01</v></c>}, written by Strict files and
 *       by some exporters): the copy holds them as Excel serial dates, as Excel itself stores a
 *       date, keeping the cell's style, or a date style when the cell's own style shows no date.</li>
 * </ul>
 * Parts are copied by streaming (StAX), so memory stays flat whatever their size; the guard has
 * already bounded what they unpack to.
 */
final class OoxmlNormalizer {

    private static final String STRICT = "http://purl.oclc.org/ooxml/";
    private static final String TRANSITIONAL = "http://schemas.openxmlformats.org/";
    /** Built-in number format 14, the short date. */
    private static final int DATE_FORMAT_ID = 14;

    private static final XMLInputFactory IN = inputFactory();
    private static final XMLOutputFactory OUT = XMLOutputFactory.newFactory();
    private static final XMLEventFactory EVENTS = XMLEventFactory.newFactory();

    private OoxmlNormalizer() {
    }

    private static XMLInputFactory inputFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return f;
    }

    /** {@code http://purl.oclc.org/ooxml/spreadsheetml/main} to {@code http://schemas.openxmlformats.org/spreadsheetml/2006/main}. */
    static String transitional(String uri) {
        if (uri == null || !uri.startsWith(STRICT)) {
            return uri;
        }
        String rest = uri.substring(STRICT.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? TRANSITIONAL + rest : TRANSITIONAL + rest.substring(0, slash) + "/2006" + rest.substring(slash);
    }

    /** Writes the transitional copy into a new temporary file; the caller deletes it. */
    static Path transitionalCopy(Path file) throws IOException {
        Path copy = Files.createTempFile("pantau-xlsx", ".xlsx");
        try (ZipFile zip = ZipFile.builder().setPath(file).get();
             ZipArchiveOutputStream out = new ZipArchiveOutputStream(Files.newOutputStream(copy))) {
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
            ZipArchiveEntry stylesEntry = entries.stream().filter(e -> e.getName().toLowerCase(Locale.ROOT).endsWith("styles.xml"))
                    .findFirst().orElse(null);
            Styles styles = stylesEntry == null ? new Styles(List.of(), Map.of()) : readStyles(zip, stylesEntry);
            boolean date1904 = entries.stream().filter(e -> e.getName().toLowerCase(Locale.ROOT).endsWith("workbook.xml"))
                    .findFirst().map(e -> date1904(zip, e)).orElse(false);
            for (ZipArchiveEntry entry : entries) {
                out.putArchiveEntry(new ZipArchiveEntry(entry.getName()));
                String name = entry.getName().toLowerCase(Locale.ROOT);
                try (InputStream in = zip.getInputStream(entry)) {
                    if (name.endsWith(".xml") || name.endsWith(".rels")) {
                        copyXml(in, out, entry == stylesEntry ? styles : null, styles, date1904);
                    } else {
                        in.transferTo(out);
                    }
                }
                out.closeArchiveEntry();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
        return copy;
    }

    /** Per cell style (cellXfs, in order) its number format id; custom format codes by id. */
    private record Styles(List<Integer> formatIds, Map<Integer, String> customFormats) {

        boolean showsDate(int style) {
            if (style < 0 || style >= formatIds.size()) {
                return false;
            }
            int id = formatIds.get(style);
            return DateUtil.isADateFormat(id, customFormats.getOrDefault(id, builtIn(id)));
        }

        /** The index of the short-date style the copy appends to cellXfs. */
        int addedDateStyle() {
            return formatIds.size();
        }

        private static String builtIn(int id) {
            String f = org.apache.poi.ss.usermodel.BuiltinFormats.getBuiltinFormat(id);
            return f == null ? "General" : f;
        }
    }

    private static Styles readStyles(ZipFile zip, ZipArchiveEntry entry) throws IOException {
        List<Integer> ids = new ArrayList<>();
        Map<Integer, String> custom = new HashMap<>();
        try (InputStream in = zip.getInputStream(entry)) {
            XMLEventReader r = IN.createXMLEventReader(in);
            boolean inCellXfs = false;
            while (r.hasNext()) {
                XMLEvent e = r.nextEvent();
                if (e.isStartElement()) {
                    String local = e.asStartElement().getName().getLocalPart();
                    if (local.equals("numFmt")) {
                        String id = attribute(e.asStartElement(), "numFmtId");
                        String code = attribute(e.asStartElement(), "formatCode");
                        if (id != null && code != null) {
                            custom.put(Integer.parseInt(id), code);
                        }
                    } else if (local.equals("cellXfs")) {
                        inCellXfs = true;
                    } else if (inCellXfs && local.equals("xf")) {
                        String id = attribute(e.asStartElement(), "numFmtId");
                        ids.add(id == null ? 0 : Integer.parseInt(id));
                    }
                } else if (e.isEndElement() && e.asEndElement().getName().getLocalPart().equals("cellXfs")) {
                    inCellXfs = false;
                }
            }
        } catch (XMLStreamException | NumberFormatException e) {
            throw new IOException("styles: " + e.getMessage(), e);
        }
        return new Styles(List.copyOf(ids), Map.copyOf(custom));
    }

    private static boolean date1904(ZipFile zip, ZipArchiveEntry entry) {
        try (InputStream in = zip.getInputStream(entry)) {
            XMLEventReader r = IN.createXMLEventReader(in);
            while (r.hasNext()) {
                XMLEvent e = r.nextEvent();
                if (e.isStartElement() && e.asStartElement().getName().getLocalPart().equals("workbookPr")) {
                    String v = attribute(e.asStartElement(), "date1904");
                    return "1".equals(v) || "true".equalsIgnoreCase(v);
                }
            }
        } catch (IOException | XMLStreamException e) {
            return false;
        }
        return false;
    }

    private static String attribute(StartElement e, String localName) {
        Iterator<Attribute> it = e.getAttributes();
        while (it.hasNext()) {
            Attribute a = it.next();
            if (a.getName().getLocalPart().equals(localName) && a.getName().getNamespaceURI().isEmpty()) {
                return a.getValue();
            }
        }
        return null;
    }

    /**
     * Copies one XML part event by event with transitional names; in styles.xml a short-date style is
     * appended to cellXfs, and in worksheets date cells become serial dates.
     */
    private static void copyXml(InputStream in, OutputStream out, Styles stylesPart, Styles styles, boolean date1904)
            throws IOException {
        try {
            XMLEventReader r = IN.createXMLEventReader(in);
            XMLEventWriter w = OUT.createXMLEventWriter(new NonClosing(out), StandardCharsets.UTF_8.name());
            boolean dateValue = false;
            boolean inDateCell = false;
            while (r.hasNext()) {
                XMLEvent e = r.nextEvent();
                if (e.isStartDocument()) {
                    w.add(EVENTS.createStartDocument(StandardCharsets.UTF_8.name(), "1.0", true));
                    continue;
                }
                if (e.isStartElement()) {
                    StartElement s = e.asStartElement();
                    String local = s.getName().getLocalPart();
                    boolean dateCell = local.equals("c") && "d".equals(attribute(s, "t"));
                    w.add(renamed(s, dateCell ? styles : null));
                    if (dateCell) {
                        inDateCell = true;
                    } else if (inDateCell && local.equals("v")) {
                        dateValue = true;
                    }
                    continue;
                }
                if (e.isEndElement()) {
                    String local = e.asEndElement().getName().getLocalPart();
                    if (stylesPart != null && local.equals("cellXfs")) {
                        String ns = transitional(e.asEndElement().getName().getNamespaceURI());
                        String prefix = e.asEndElement().getName().getPrefix();
                        w.add(EVENTS.createStartElement(prefix, ns, "xf", List.of(
                                EVENTS.createAttribute("numFmtId", Integer.toString(DATE_FORMAT_ID)),
                                EVENTS.createAttribute("applyNumberFormat", "1")).iterator(), null));
                        w.add(EVENTS.createEndElement(prefix, ns, "xf"));
                    }
                    if (local.equals("v")) {
                        dateValue = false;
                    } else if (local.equals("c")) {
                        inDateCell = false;
                    }
                    w.add(EVENTS.createEndElement(e.asEndElement().getName().getPrefix(),
                            transitional(e.asEndElement().getName().getNamespaceURI()), local));
                    continue;
                }
                if (dateValue && e.isCharacters()) {
                    w.add(EVENTS.createCharacters(serial(e.asCharacters().getData(), date1904)));
                    continue;
                }
                w.add(e);
            }
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** The element with transitional names; a date cell loses {@code t="d"} and gets a style that shows a date. */
    private static StartElement renamed(StartElement s, Styles dateStyles) {
        List<Attribute> attributes = new ArrayList<>();
        boolean styled = false;
        Iterator<Attribute> it = s.getAttributes();
        while (it.hasNext()) {
            Attribute a = it.next();
            String local = a.getName().getLocalPart();
            boolean plain = a.getName().getNamespaceURI().isEmpty();
            if (dateStyles != null && plain && local.equals("t")) {
                continue; // a number now
            }
            String value = a.getValue();
            if (dateStyles != null && plain && local.equals("s")) {
                styled = true;
                int style = parseOr(value, -1);
                if (!dateStyles.showsDate(style)) {
                    value = Integer.toString(dateStyles.addedDateStyle());
                }
            }
            value = value.startsWith(STRICT) ? transitional(value) : value;
            attributes.add(EVENTS.createAttribute(a.getName().getPrefix(), transitional(a.getName().getNamespaceURI()), local, value));
        }
        if (dateStyles != null && !styled) {
            attributes.add(EVENTS.createAttribute("s", Integer.toString(dateStyles.addedDateStyle())));
        }
        List<Namespace> namespaces = new ArrayList<>();
        Iterator<Namespace> ns = s.getNamespaces();
        while (ns.hasNext()) {
            Namespace n = ns.next();
            namespaces.add(n.isDefaultNamespaceDeclaration() ? EVENTS.createNamespace(transitional(n.getNamespaceURI()))
                    : EVENTS.createNamespace(n.getPrefix(), transitional(n.getNamespaceURI())));
        }
        return EVENTS.createStartElement(s.getName().getPrefix(), transitional(s.getName().getNamespaceURI()),
                s.getName().getLocalPart(), attributes.iterator(), namespaces.iterator());
    }

    /** An ISO 8601 date, date-time or time as Excel's serial number; text that is none of them is kept. */
    static String serial(String iso, boolean date1904) {
        String t = iso.trim();
        try {
            double serial;
            if (t.contains("T")) {
                serial = DateUtil.getExcelDate(LocalDateTime.parse(t.endsWith("Z") ? t.substring(0, t.length() - 1) : t), date1904);
            } else if (t.contains("-")) {
                serial = DateUtil.getExcelDate(LocalDate.parse(t).atStartOfDay(), date1904);
            } else {
                serial = LocalTime.parse(t).toSecondOfDay() / 86400.0;
            }
            return java.math.BigDecimal.valueOf(serial).stripTrailingZeros().toPlainString();
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    private static int parseOr(String s, int fallback) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The zip entry stays open when the XML writer closes. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
