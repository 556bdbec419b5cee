package no.pogobridge.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import no.pogobridge.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

/** The embedded POS database has exactly the tables and columns of docs/pos-database.md, and we cannot write it. */
@IntegrationTest
class PosSchemaContractTest {

    /** table.column type nullability, as pos-database.md states them. */
    private static final List<String> CONTRACT = List.of(
            "customers.email text NULL",
            "customers.id integer NOT NULL",
            "customers.name text NOT NULL",
            "customers.organization_number text NULL",
            "departments.id integer NOT NULL",
            "departments.name text NOT NULL",
            "order_lines.amount numeric(12,2) NOT NULL",
            "order_lines.description text NOT NULL",
            "order_lines.discount numeric(12,2) NOT NULL",
            "order_lines.id bigint NOT NULL",
            "order_lines.order_id bigint NOT NULL",
            "order_lines.product_type_id integer NOT NULL",
            "order_lines.quantity numeric(12,3) NOT NULL",
            "order_lines.unit_price numeric(12,2) NOT NULL",
            "order_lines.vat_code_id integer NOT NULL",
            "orders.created_at timestamp with time zone NOT NULL",
            "orders.customer_id integer NULL",
            "orders.department_id integer NOT NULL",
            "orders.id bigint NOT NULL",
            "orders.order_number bigint NOT NULL",
            "orders.paid_at timestamp with time zone NULL",
            "orders.refund_of_order_id bigint NULL",
            "orders.rounding numeric(12,2) NOT NULL",
            "orders.status text NOT NULL",
            "orders.takeaway boolean NOT NULL",
            "orders.updated_at timestamp with time zone NOT NULL",
            "payment_types.id integer NOT NULL",
            "payment_types.kind text NOT NULL",
            "payment_types.name text NOT NULL",
            "payments.amount numeric(12,2) NOT NULL",
            "payments.id bigint NOT NULL",
            "payments.order_id bigint NOT NULL",
            "payments.paid_at timestamp with time zone NOT NULL",
            "payments.payment_type_id integer NOT NULL",
            "payments.tip numeric(12,2) NOT NULL",
            "product_types.id integer NOT NULL",
            "product_types.is_gift_card boolean NOT NULL",
            "product_types.name text NOT NULL",
            "vat_codes.id integer NOT NULL",
            "vat_codes.name text NOT NULL",
            "vat_codes.rate numeric(5,2) NOT NULL",
            "z_reports.business_date date NOT NULL",
            "z_reports.closed_at timestamp with time zone NOT NULL",
            "z_reports.department_id integer NOT NULL",
            "z_reports.z_number integer NOT NULL");

    @Autowired
    @Qualifier("posDataSource")
    DataSource pos;

    @Test
    void hasExactlyTheContractsTablesAndColumns() {
        List<String> actual = new ArrayList<>();
        new JdbcTemplate(pos).query("""
                SELECT table_name, column_name, data_type, numeric_precision, numeric_scale, is_nullable
                FROM information_schema.columns WHERE table_schema = 'pos' ORDER BY table_name, column_name""",
                rs -> {
                    String type = rs.getString("data_type");
                    if (type.equals("numeric")) {
                        type += "(" + rs.getInt("numeric_precision") + "," + rs.getInt("numeric_scale") + ")";
                    }
                    actual.add(rs.getString("table_name") + "." + rs.getString("column_name") + " " + type + " "
                            + (rs.getString("is_nullable").equals("YES") ? "NULL" : "NOT NULL"));
                });
        assertThat(actual).containsExactlyElementsOf(CONTRACT);
    }

    @Test
    void hasTheIndexesTheContractPromises() {
        List<String> indexes = new JdbcTemplate(pos).queryForList(
                "SELECT indexdef FROM pg_indexes WHERE schemaname = 'pos'", String.class);
        assertThat(indexes).anyMatch(i -> i.contains("ON pos.orders USING btree (department_id, paid_at)"))
                .anyMatch(i -> i.contains("ON pos.order_lines USING btree (order_id)"))
                .anyMatch(i -> i.contains("ON pos.payments USING btree (order_id)"))
                .anyMatch(i -> i.contains("ON pos.z_reports USING btree (department_id, business_date)"));
    }

    @Test
    void thePosConnectionIsReadOnly() {
        assertThatThrownBy(() -> new JdbcTemplate(pos).update("UPDATE pos.departments SET name = name WHERE id < 0"))
                .hasMessageContaining("read-only");
    }
}
