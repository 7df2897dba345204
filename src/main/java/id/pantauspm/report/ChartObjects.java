package id.pantauspm.report;

import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.w3c.dom.Element;

import com.openhtmltopdf.extend.FSObjectDrawer;
import com.openhtmltopdf.extend.FSObjectDrawerFactory;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.render.RenderingContext;

/**
 * The charts of one PDF, drawn as vector graphics where the XHTML has
 * {@code <object type="application/x-pantau-chart" data-chart="ID">}: JFreeChart draws through
 * openhtmltopdf's {@code drawWithGraphics} (pdfbox-graphics2d) into a form XObject of the page, its
 * words set in the document's embedded DejaVu Sans. This replaces a PNG per chart, which every PDF
 * compressed again as an image: a quarter of a national night's CPU (issue 12), and blurred when printed.
 * One instance per document; not shared between threads.
 */
public final class ChartObjects implements FSObjectDrawerFactory {

    /** The {@code type} of the XHTML objects drawn here. */
    static final String TYPE = "application/x-pantau-chart";

    /**
     * A chart to draw, laid out as if it were {@code width} by {@code height} pixels (the PNG it replaces), then
     * scaled to the box the XHTML gives it; so its fonts keep their size relative to the chart.
     */
    public record Drawing(String id, JFreeChart chart, int width, int height) {

        /** The box's height in millimetres for a width of {@code widthMm}, keeping the chart's proportions (CSS text). */
        public String heightMm(double widthMm) {
            return String.format(Locale.ROOT, "%.1f", widthMm * height / width);
        }
    }

    private final Map<String, Drawing> drawings = new LinkedHashMap<>();

    /** Adds a chart to draw where an object names its id; returns it. */
    Drawing add(Drawing d) {
        drawings.put(d.id(), d);
        return d;
    }

    @Override
    public boolean isReplacedObject(Element e) {
        return TYPE.equals(e.getAttribute("type")) && drawings.containsKey(e.getAttribute("data-chart"));
    }

    @Override
    public FSObjectDrawer createDrawer(Element e) {
        Drawing d = drawings.get(e.getAttribute("data-chart"));
        return d == null || !TYPE.equals(e.getAttribute("type")) ? null : new Drawer(d);
    }

    private record Drawer(Drawing d) implements FSObjectDrawer {
        @Override
        public Map<Shape, String> drawObject(Element e, double x, double y, double width, double height, OutputDevice out,
                                             RenderingContext ctx, int dotsPerPixel) {
            float w = (float) (width / dotsPerPixel);
            float h = (float) (height / dotsPerPixel);
            out.drawWithGraphics((float) x, (float) y, w, h, g2 -> {
                g2.scale(w / d.width(), h / d.height());
                d.chart().draw(g2, new Rectangle2D.Double(0, 0, d.width(), d.height()));
            });
            return null; // no links in a chart
        }
    }
}
