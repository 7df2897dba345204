package id.pantauspm.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Bar charts: bars coloured by category, the 100% standard as a line; as SVG for the HTML pages, or as a
 * {@link JFreeChart} the PDF draws as vector graphics ({@link ChartObjects}). Text is set in the bundled
 * DejaVu Sans, the PDF's own font, so a chart's words are laid out the same in both and the PDF embeds
 * them as text.
 */
public final class ChartRenderer {

    /** The family of the bundled fonts, as Java2D and the PDF's font resolver both know it. */
    static final String FAMILY = "DejaVu Sans";

    static {
        System.setProperty("java.awt.headless", "true");
        registerBundledFonts();
    }

    /**
     * Makes the bundled DejaVu Sans (regular and bold) known to Java2D by its family name, whatever the
     * machine has installed; where the system already has it, the system's copy (the same font) serves.
     */
    private static void registerBundledFonts() {
        java.awt.GraphicsEnvironment ge = java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment();
        for (String name : List.of("/fonts/DejaVuSans.ttf", "/fonts/DejaVuSans-Bold.ttf")) {
            try (java.io.InputStream in = ChartRenderer.class.getResourceAsStream(name)) {
                ge.registerFont(Font.createFont(Font.TRUETYPE_FONT, java.util.Objects.requireNonNull(in, name)));
            } catch (IOException | java.awt.FontFormatException e) {
                throw new IllegalStateException("bundled font " + name + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Writes a chart as an SVG file of the given size in pixels. Its words stay text, in DejaVu Sans where the reader
     * has it and a sans-serif of similar width where not (JFreeChart measured them in DejaVu Sans).
     *
     * @throws IOException when the file cannot be written
     */
    static void save(Path file, JFreeChart chart, int width, int height) throws IOException {
        org.jfree.svg.SVGGraphics2D g = new org.jfree.svg.SVGGraphics2D(width, height);
        g.setDefsKeyPrefix("pantau"); // not the clock's: the same chart gives the same file, night after night
        g.setFontFunction(family -> FAMILY.equals(family) ? "DejaVu Sans, Verdana, sans-serif" : family);
        chart.draw(g, new java.awt.Rectangle(0, 0, width, height));
        java.nio.file.Files.writeString(file, g.getSVGDocument(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** One bar: its label, value (null: not computable, drawn as no bar) and category. */
    public record Bar(String label, BigDecimal value, String category) {
    }

    private static final Font FONT = new Font(FAMILY, Font.PLAIN, 11);
    private static final Font TITLE = new Font(FAMILY, Font.BOLD, 13);
    private static final Font AXIS_LABEL = new Font(FAMILY, Font.PLAIN, 12);

    /**
     * What a bar chart says beside its bars, in the reader's language: the value's number format, the
     * mark of a service that cannot be computed, the legend's words, and a reference line (the share of
     * the year a quarter should have reached, or the region's own plan) with its label; each may be null.
     */
    public record Legend(java.util.Locale locale, String notComputable, List<String[]> categories, BigDecimal reference,
                         String referenceLabel) {
    }

    /** One line of a trend chart: its name and a value per period label (null: no figure). */
    public record Series(String name, java.util.List<BigDecimal> values) {
    }

    /**
     * The regions-by-fields heat table: one cell per region and field in its category's colour,
     * grey where the field could not be computed; the category codes give the colours.
     *
     * @param categories [region][field] category code or null
     */
    public void heatTable(Path svg, String title, List<String> regionNames, List<String> fieldNames, String[][] categories,
                          List<String> categoryOrder, int width) throws IOException {
        org.jfree.data.xy.DefaultXYZDataset data = new org.jfree.data.xy.DefaultXYZDataset();
        int n = regionNames.size() * fieldNames.size();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] z = new double[n];
        int i = 0;
        for (int r = 0; r < regionNames.size(); r++) {
            for (int f = 0; f < fieldNames.size(); f++) {
                x[i] = f;
                y[i] = regionNames.size() - 1 - r; // first region on top
                z[i] = categories[r][f] == null ? -1 : categoryOrder.indexOf(categories[r][f]);
                i++;
            }
        }
        data.addSeries("kategori", new double[][] {x, y, z});
        org.jfree.chart.renderer.LookupPaintScale scale = new org.jfree.chart.renderer.LookupPaintScale(-1.5, categoryOrder.size(),
                Categories.color(null));
        for (int c = 0; c < categoryOrder.size(); c++) {
            scale.add(c - 0.5, Categories.color(categoryOrder.get(c)));
        }
        org.jfree.chart.renderer.xy.XYBlockRenderer renderer = new org.jfree.chart.renderer.xy.XYBlockRenderer();
        renderer.setPaintScale(scale);
        org.jfree.chart.axis.SymbolAxis fields = new org.jfree.chart.axis.SymbolAxis(null, fieldNames.toArray(String[]::new));
        fields.setTickLabelFont(FONT);
        fields.setGridBandsVisible(false);
        List<String> reversed = new java.util.ArrayList<>(regionNames);
        java.util.Collections.reverse(reversed);
        org.jfree.chart.axis.SymbolAxis regionsAxis = new org.jfree.chart.axis.SymbolAxis(null, reversed.toArray(String[]::new));
        regionsAxis.setTickLabelFont(FONT);
        regionsAxis.setGridBandsVisible(false);
        org.jfree.chart.plot.XYPlot plot = new org.jfree.chart.plot.XYPlot(data, fields, regionsAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = new JFreeChart(title, TITLE, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        save(svg, chart, width, 90 + 24 * Math.max(1, regionNames.size()));
    }

    /** Indices across periods, one line per series, with the 100 target; distinct dash patterns so lines read in grey. */
    public void lineChart(Path svg, String title, String valueAxis, String targetLabel, List<String> periods,
                          List<Series> series, int width, int height) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Series s : series) {
            for (int i = 0; i < periods.size(); i++) {
                data.addValue(s.values().get(i), s.name(), periods.get(i));
            }
        }
        CategoryAxis categoryAxis = new CategoryAxis();
        categoryAxis.setTickLabelFont(FONT);
        NumberAxis numberAxis = new NumberAxis(valueAxis);
        numberAxis.setRange(0, 105);
        numberAxis.setTickLabelFont(FONT);
        numberAxis.setLabelFont(AXIS_LABEL);
        org.jfree.chart.renderer.category.LineAndShapeRenderer renderer = new org.jfree.chart.renderer.category.LineAndShapeRenderer(true, true);
        float[][] dashes = {null, {8f, 4f}, {2f, 3f}, {10f, 3f, 2f, 3f}, {4f, 4f}, {1f, 1f}, {12f, 6f}};
        Color[] colours = {Color.BLACK, new Color(0x414487), new Color(0x2a788e), new Color(0x22a884), new Color(0x7ad151),
                new Color(0x440154), new Color(0x888888)};
        for (int i = 0; i < series.size(); i++) {
            float[] dash = dashes[i % dashes.length];
            renderer.setSeriesStroke(i, dash == null ? new BasicStroke(2.5f)
                    : new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, dash, 0f));
            renderer.setSeriesPaint(i, colours[i % colours.length]);
        }
        CategoryPlot plot = new CategoryPlot(data, categoryAxis, numberAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        ValueMarker target = new ValueMarker(100, Color.GRAY, new BasicStroke(1f));
        target.setLabel(targetLabel);
        target.setLabelFont(FONT);
        target.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        target.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        plot.addRangeMarker(target);
        JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        save(svg, chart, width, height);
    }

    /**
     * Bars against a target line.
     *
     * @param horizontal true for rankings (long region names read better along the vertical axis)
     */
    public void barChart(Path svg, String title, String valueAxis, String targetLabel, List<Bar> bars, boolean horizontal,
                         int width, int height) throws IOException {
        barChart(svg, title, valueAxis, targetLabel, bars, horizontal, width, height, null);
    }

    /**
     * The same, standing alone: each bar's value printed at its end, a service that cannot be computed
     * marked in words where its bar would be, the categories and lines explained in a legend, and the
     * reference line when one is given. The value axis runs to 115 so that no label is clipped.
     */
    public void barChart(Path svg, String title, String valueAxis, String targetLabel, List<Bar> bars, boolean horizontal,
                         int width, int height, Legend legend) throws IOException {
        save(svg, barChart(title, valueAxis, targetLabel, bars, horizontal, legend), width, height);
    }

    /**
     * The same bar chart as an object to draw (into the PDF, as vector graphics); its size is given where it is
     * drawn. A chart is drawn by one thread at a time.
     */
    public JFreeChart barChart(String title, String valueAxis, String targetLabel, List<Bar> bars, boolean horizontal,
                               Legend legend) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Bar b : bars) {
            data.addValue(b.value(), "v", b.label());
        }
        CategoryAxis categoryAxis = new CategoryAxis();
        categoryAxis.setTickLabelFont(FONT);
        if (!horizontal) {
            categoryAxis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        NumberAxis numberAxis = new NumberAxis(valueAxis);
        numberAxis.setRange(0, legend == null ? 105 : 115);
        numberAxis.setTickLabelFont(FONT);
        numberAxis.setLabelFont(AXIS_LABEL);
        BarRenderer renderer = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return Categories.color(bars.get(column).category());
            }
        };
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        renderer.setDefaultOutlinePaint(Color.DARK_GRAY);
        renderer.setMaximumBarWidth(0.08);
        CategoryPlot plot = new CategoryPlot(data, categoryAxis, numberAxis, renderer);
        plot.setOrientation(horizontal ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        ValueMarker target = new ValueMarker(100, Color.BLACK, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
        target.setLabel(targetLabel);
        target.setLabelFont(FONT);
        target.setLabelAnchor(horizontal ? RectangleAnchor.BOTTOM_LEFT : RectangleAnchor.TOP_LEFT);
        target.setLabelTextAnchor(horizontal ? TextAnchor.BOTTOM_RIGHT : TextAnchor.TOP_RIGHT);
        plot.addRangeMarker(target);
        if (legend != null) {
            java.text.NumberFormat number = java.text.NumberFormat.getNumberInstance(legend.locale());
            number.setMinimumFractionDigits(1);
            number.setMaximumFractionDigits(1);
            renderer.setDefaultItemLabelGenerator(new org.jfree.chart.labels.StandardCategoryItemLabelGenerator("{2}", number));
            renderer.setDefaultItemLabelsVisible(true);
            renderer.setDefaultPositiveItemLabelPosition(horizontal
                    ? new org.jfree.chart.labels.ItemLabelPosition(org.jfree.chart.labels.ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT)
                    : new org.jfree.chart.labels.ItemLabelPosition(org.jfree.chart.labels.ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
            renderer.setDefaultItemLabelFont(FONT);
            for (Bar b : bars) {
                if (b.value() == null && legend.notComputable() != null) {
                    org.jfree.chart.annotations.CategoryTextAnnotation mark =
                            new org.jfree.chart.annotations.CategoryTextAnnotation("\u2715 " + legend.notComputable(), b.label(), 1.0);
                    mark.setFont(FONT);
                    mark.setPaint(new Color(0x8a1c1c));
                    mark.setTextAnchor(horizontal ? TextAnchor.CENTER_LEFT : TextAnchor.BOTTOM_LEFT);
                    if (!horizontal) {
                        mark.setRotationAngle(-Math.PI / 2);
                        mark.setRotationAnchor(TextAnchor.BOTTOM_LEFT);
                    }
                    plot.addAnnotation(mark);
                }
            }
            org.jfree.chart.LegendItemCollection items = new org.jfree.chart.LegendItemCollection();
            if (legend.reference() != null) {
                ValueMarker reference = new ValueMarker(legend.reference().doubleValue(), new Color(0x1a5276),
                        new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {2f, 3f}, 0f));
                plot.addRangeMarker(reference);
                items.add(new org.jfree.chart.LegendItem(legend.referenceLabel(), null, null, null,
                        new java.awt.geom.Line2D.Double(-7, 0, 7, 0), new BasicStroke(2f, BasicStroke.CAP_BUTT,
                        BasicStroke.JOIN_MITER, 1f, new float[] {2f, 3f}, 0f), new Color(0x1a5276)));
            }
            items.add(new org.jfree.chart.LegendItem(targetLabel, null, null, null, new java.awt.geom.Line2D.Double(-7, 0, 7, 0),
                    new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f), Color.BLACK));
            java.util.Set<String> used = new java.util.HashSet<>();
            bars.forEach(b -> used.add(b.category()));
            for (String[] c : legend.categories()) {
                if (used.contains(c[0])) {
                    items.add(new org.jfree.chart.LegendItem(c[1], null, null, null, new java.awt.Rectangle(-5, -5, 10, 10),
                            Categories.color(c[0])));
                }
            }
            plot.setFixedLegendItems(items);
        }
        JFreeChart chart = new JFreeChart(title, TITLE, plot, legend != null);
        if (legend != null) {
            chart.getLegend().setItemFont(FONT);
        }
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
