package no.pogobridge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The arrows allowed between the product's packages (the classes of the jar, not the tests or the benchmarks).
 * A new arrow fails here: add it to {@link #ALLOWED} on purpose, or move the class that needs it. The sandbox and the
 * demo are the development kit shipped beside the product: they may use the product, nothing in it uses them.
 */
class ArchitectureTest {

    private static final String ROOT = "no.pogobridge";

    /** Package (below no.pogobridge) -> the packages it may use. The root package (the server itself) is open to all. */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("businessday", Set.of()),
            Map.entry("database", Set.of()),
            // the day's report (issue 17): pure figures, rendered without knowing where they came from
            Map.entry("documentation", Set.of()),
            Map.entry("secrets", Set.of("database")),
            Map.entry("operator", Set.of("secrets")),
            Map.entry("security", Set.of("operator")),
            Map.entry("monitoring", Set.of("businessday")),
            Map.entry("poweroffice", Set.of("monitoring", "secrets")),
            // the mapping API refuses an incomplete setup while a department exports automatically, and a number
            // no connected PowerOffice client has (the mappings are picked from PowerOffice's lists)
            Map.entry("mapping", Set.of("department", "operator", "poweroffice")),
            // connecting a department checks its setup is complete
            Map.entry("department", Set.of("businessday", "mapping", "operator", "poweroffice", "secrets")),
            // the day's report is rendered from the voucher's figures and attached as its documentation
            Map.entry("export", Set.of("alerts", "businessday", "department", "documentation", "mapping", "monitoring",
                    "operator", "poweroffice")),
            // an alert is raised for a day's outcome
            Map.entry("alerts", Set.of("businessday", "export", "monitoring")),
            Map.entry("jobs", Set.of("export", "operator")),
            // the drift watch (issue 18) compares the export's vouchers with the ledger, alerts, and runs as a job
            Map.entry("drift", Set.of("alerts", "businessday", "department", "export", "jobs", "poweroffice")),
            // the clearing accounts (issue 19) read the mappings' payment types and the ledger's first day, alert,
            // and run as a job
            Map.entry("clearing", Set.of("alerts", "businessday", "department", "export", "jobs", "mapping",
                    "operator", "poweroffice")),
            Map.entry("invoicing", Set.of("alerts", "businessday", "department", "export", "mapping", "monitoring",
                    "operator", "poweroffice")),
            Map.entry("sandbox", Set.of("poweroffice")),
            Map.entry("demo", Set.of("database", "department", "export", "invoicing", "mapping", "poweroffice",
                    "sandbox")));

    private static JavaClasses product;

    @BeforeAll
    static void importTheProduct() {
        // the compiled product itself, not a scan of the classpath's jars for the package
        product = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(Path.of("target", "classes"));
    }

    @Test
    void everyPackageUsesOnlyThePackagesItIsAllowedTo() {
        for (Map.Entry<String, Set<String>> entry : ALLOWED.entrySet()) {
            String own = ROOT + "." + entry.getKey();
            classes().that().resideInAPackage(own + "..")
                    .should().onlyDependOnClassesThat(allowedFrom(entry.getKey(), entry.getValue()))
                    .because("the arrows out of " + entry.getKey() + " are " + entry.getValue())
                    .check(product);
        }
    }

    @Test
    void everyPackageOfTheProductIsInTheMap() {
        Set<String> unlisted = new TreeSet<>();
        for (JavaClass c : product) {
            String pkg = c.getPackageName();
            if (pkg.startsWith(ROOT + ".")) {
                String top = pkg.substring(ROOT.length() + 1).split("\\.")[0];
                if (!ALLOWED.containsKey(top)) {
                    unlisted.add(top);
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(unlisted).as("packages with no entry in ALLOWED").isEmpty();
    }

    @Test
    void nothingInTheProductUsesTheSandboxOrTheDemo() {
        noClasses().that().resideOutsideOfPackages(ROOT + ".sandbox..", ROOT + ".demo..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".sandbox..", ROOT + ".demo..")
                .check(product);
    }

    @Test
    void noProductClassCallsARouteBack() {
        // the routes call the beans; a bean that sent to a route would hide a call the YAML should show
        noClasses().that().resideOutsideOfPackage(ROOT + ".demo..")
                .should().dependOnClassesThat().areAssignableTo(org.apache.camel.ProducerTemplate.class)
                .orShould().dependOnClassesThat().areAssignableTo(org.apache.camel.FluentProducerTemplate.class)
                .because("every call a flow makes is a step of its route (the demo drives the server as an operator)")
                .check(product);
    }

    @Test
    void theJarHoldsNoBenchmark() {
        noClasses().should().haveSimpleNameEndingWith("Benchmark")
                .orShould().resideInAPackage(ROOT + ".bench..")
                .because("the benchmarks live in src/bench/java and run from bench/*.sh")
                .check(product);
    }

    private static DescribedPredicate<JavaClass> allowedFrom(String own, Set<String> allowed) {
        return DescribedPredicate.describe("outside no.pogobridge, in the root package, in " + own + " or in "
                + allowed, target -> {
                    String pkg = target.getPackageName();
                    if (!pkg.startsWith(ROOT + ".")) {
                        return true;   // libraries, the JDK, and the root package (the server itself)
                    }
                    String top = pkg.substring(ROOT.length() + 1).split("\\.")[0];
                    return top.equals(own) || allowed.contains(top);
                });
    }
}
