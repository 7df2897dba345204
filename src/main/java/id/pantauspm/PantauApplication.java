package id.pantauspm;

import java.util.List;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

import id.pantauspm.cli.PantauCommand;
import id.pantauspm.job.PantauSettings;
import id.pantauspm.ops.PantauEnvironment;

/** Entry point: the `pantau` command line; commands that need the database start Spring. */
@SpringBootApplication
@EnableConfigurationProperties({PantauSettings.class, id.pantauspm.job.SignerSettings.class})
public class PantauApplication {

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        useJdkXmlFactories();
        System.exit(PantauCommand.execute(args));
    }

    /**
     * Names the JDK's own XML factories, which are the ones found anyway (no library here provides another), so that
     * asking for one does not scan every jar's service entries: POI asks for a TransformerFactory on each workbook
     * saved, PDFBox and openhtmltopdf for parsers on each PDF, 2% of a national night's CPU before this. A factory
     * given with -D is kept.
     */
    static void useJdkXmlFactories() {
        System.getProperties().putIfAbsent("javax.xml.transform.TransformerFactory",
                "com.sun.org.apache.xalan.internal.xsltc.trax.TransformerFactoryImpl");
        System.getProperties().putIfAbsent("javax.xml.parsers.DocumentBuilderFactory",
                "com.sun.org.apache.xerces.internal.jaxp.DocumentBuilderFactoryImpl");
        System.getProperties().putIfAbsent("javax.xml.parsers.SAXParserFactory",
                "com.sun.org.apache.xerces.internal.jaxp.SAXParserFactoryImpl");
    }

    /** Starts the application context with settings given as Spring arguments (--pantau.inbox=...). */
    public static ConfigurableApplicationContext start(List<String> springArgs) {
        SpringApplication app = new SpringApplication(PantauApplication.class);
        app.setBannerMode(Banner.Mode.OFF);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setLogStartupInfo(false);
        app.addListeners(new PantauEnvironment());
        return app.run(springArgs.toArray(String[]::new));
    }
}
