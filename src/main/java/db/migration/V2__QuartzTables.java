package db.migration;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.stream.Collectors;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Creates Quartz's JDBC job store tables from the DDL that ships inside the Quartz jar, so the tables always match
 * the Quartz version on the classpath. The script's one-line DROP and COMMIT statements are left out: Flyway owns
 * the transaction, and a fresh schema has nothing to drop.
 */
public class V2__QuartzTables extends BaseJavaMigration {

    private static final String QUARTZ_DDL = "org/quartz/impl/jdbcjobstore/tables_postgres.sql";

    @Override
    public void migrate(Context context) throws Exception {
        String script = new String(new ClassPathResource(QUARTZ_DDL).getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        String ddl = script.lines()
                .filter(line -> {
                    String head = line.strip().toUpperCase(Locale.ROOT);
                    return !head.startsWith("DROP ") && !head.startsWith("COMMIT");
                })
                .collect(Collectors.joining("\n"));
        ScriptUtils.executeSqlScript(context.getConnection(), new ByteArrayResource(ddl.getBytes(StandardCharsets.UTF_8)));
    }
}
