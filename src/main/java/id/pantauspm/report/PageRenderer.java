package id.pantauspm.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** Renders a report template into a file, with the formatting helpers and generation date every page shows. */
public final class PageRenderer {

    private final ITemplateEngine templates;
    private final ReportFormat fmt;

    public PageRenderer(ITemplateEngine templates, ReportFormat fmt) {
        this.templates = templates;
        this.fmt = fmt;
    }

    /** A fresh page context in the report language. */
    public Context context() {
        Context c = new Context(fmt.locale());
        c.setVariable("fmt", fmt);
        c.setVariable("generatedOn", fmt.date(LocalDate.now()));
        return c;
    }

    public void render(String template, Context context, Path file) throws IOException {
        Files.writeString(file, templates.process(template, context), StandardCharsets.UTF_8);
    }
}
