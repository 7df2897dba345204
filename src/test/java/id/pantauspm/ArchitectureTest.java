package id.pantauspm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain at the centre stays free of frameworks; arrows point inward (docs: architecture sketch). */
@AnalyzeClasses(packages = "id.pantauspm", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] DOMAIN = {"..catalogue..", "..regions..", "..period..", "..evaluate..", "..ikm.."};

    @ArchTest
    static final ArchRule domainKnowsNoFrameworkDatabaseOrSpreadsheetLibrary = noClasses()
            .that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.poi..",
                    "org.dhatim..", "com.opencsv..", "java.sql..", "javax.sql..", "org.jfree..", "org.thymeleaf..");

    @ArchTest
    static final ArchRule domainDependsOnNoAdapter = noClasses()
            .that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("..ingest..", "..store..", "..report..", "..job..", "..cli..");

    @ArchTest
    static final ArchRule ingestKnowsNothingOfTheDatabase = noClasses()
            .that().resideInAPackage("..ingest..")
            .should().dependOnClassesThat().resideInAnyPackage("..store..", "java.sql..", "org.springframework.jdbc..");
}
