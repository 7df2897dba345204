package id.pantauspm.job;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import id.pantauspm.catalogue.Catalogue;
import id.pantauspm.catalogue.CatalogueLoader;
import id.pantauspm.catalogue.IkmRules;
import id.pantauspm.catalogue.IkmRulesLoader;
import id.pantauspm.catalogue.RegionPlans;
import id.pantauspm.evaluate.SpmEvaluator;
import id.pantauspm.ingest.LayoutFiles;
import id.pantauspm.ingest.Layouts;
import id.pantauspm.ingest.RowParser;
import id.pantauspm.ingest.SpreadsheetFormats;
import id.pantauspm.ingest.SurveyParser;
import id.pantauspm.regions.RegionDirectory;
import id.pantauspm.report.Messages;

/** The plain domain objects, made once per run from indicators/ and the shipped region list. */
@Configuration
public class DomainConfiguration {

    @Bean
    Catalogue catalogue(PantauSettings settings) {
        return new CatalogueLoader().load(settings.catalogueFolder());
    }

    /** Replaces Boot's own message source, so commands without Spring read the same bundles. */
    @Bean
    MessageSource messageSource() {
        return Messages.create();
    }

    @Bean
    RegionDirectory regionDirectory() {
        return RegionDirectory.official();
    }

    @Bean
    RegionPlans regionPlans(PantauSettings settings) {
        return RegionPlans.load(settings.catalogueFolder());
    }

    @Bean
    SpmEvaluator spmEvaluator(Catalogue catalogue, RegionPlans plans) {
        return new SpmEvaluator(catalogue, plans);
    }

    @Bean
    RowParser rowParser(Catalogue catalogue, RegionDirectory regions, PantauSettings settings) {
        return new RowParser(catalogue, regions, java.time.Clock.systemDefaultZone(), settings.ingest().populationFactor());
    }

    /** The community satisfaction index rules (indicators/ikm.yaml). */
    @Bean
    IkmRules ikmRules(PantauSettings settings) {
        return new IkmRulesLoader().load(settings.catalogueFolder());
    }

    @Bean
    SurveyParser surveyParser(IkmRules ikmRules, RegionDirectory regions) {
        return new SurveyParser(ikmRules, regions);
    }

    /**
     * The layouts described in data (indicators/layouts/), checked against the catalogue at start like
     * the catalogue itself, and community satisfaction surveys read beside them.
     */
    @Bean
    Layouts layouts(Catalogue catalogue, PantauSettings settings, IkmRules ikmRules) {
        return Layouts.load(catalogue, settings.catalogueFolder().resolve(LayoutFiles.FOLDER)).withSurveys(ikmRules);
    }

    @Bean
    SpreadsheetFormats spreadsheetFormats(PantauSettings settings) {
        return SpreadsheetFormats.standard(settings.ingestLimits());
    }
}
