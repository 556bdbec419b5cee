package no.pogobridge.poweroffice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * Paging of PowerOffice's list endpoints for routes/poweroffice.camel.yaml (route poweroffice-list): PageNumber
 * and PageSize on each request, every page collected, an empty list (204, no body) ending the list, and a failure
 * ending it with that failure as the answer. Also picks our voucher out of a day's account transactions.
 */
@Component("powerOfficeLists")
public class PowerOfficeLists {

    static final int PAGE_SIZE = 1000;

    private final ObjectMapper json;

    public PowerOfficeLists(ObjectMapper json) {
        this.json = json;
    }

    public void start(Exchange exchange) {
        exchange.setProperty("PowerOfficeRows", json.createArrayNode());
        exchange.setProperty("PowerOfficePage", 0);
        exchange.setProperty("PowerOfficeMorePages", true);
        exchange.setProperty("PowerOfficeFilters", exchange.getMessage().getHeader("PowerOfficeQuery", String.class));
        // a caller that stores page by page may ask for PowerOffice's largest page (MaxPageSize, 20000)
        exchange.setProperty("PowerOfficePageSize",
                exchange.getMessage().getHeader("PowerOfficePageSize", PAGE_SIZE, Integer.class));
        exchange.getMessage().removeHeader("PowerOfficePageSize");
        // each page is a call of its own, and a call does not hand its description back to the caller
        exchange.setProperty("PowerOfficeListPath", exchange.getMessage().getHeader("PowerOfficePath", String.class));
    }

    public void nextPage(Exchange exchange) {
        int page = exchange.getProperty("PowerOfficePage", 0, Integer.class) + 1;
        exchange.setProperty("PowerOfficePage", page);
        String filters = exchange.getProperty("PowerOfficeFilters", String.class);
        exchange.getMessage().setHeader("PowerOfficePath", exchange.getProperty("PowerOfficeListPath"));
        exchange.getMessage().setHeader("PowerOfficeQuery", (filters == null || filters.isBlank() ? "" : filters + "&")
                + "PageNumber=" + page + "&PageSize=" + exchange.getProperty("PowerOfficePageSize", PAGE_SIZE, Integer.class));
    }

    public void collect(Exchange exchange) {
        Message message = exchange.getMessage();
        if (!PowerOfficeCalls.OK.equals(message.getHeader(PowerOfficeCalls.ANSWER))) {
            exchange.setProperty("PowerOfficeMorePages", false);
            return;
        }
        JsonNode page = message.getBody(JsonNode.class);
        ArrayNode rows = exchange.getProperty("PowerOfficeRows", ArrayNode.class);
        if (page == null || !page.isArray() || page.isEmpty()) {
            exchange.setProperty("PowerOfficeMorePages", false);
            return;
        }
        rows.addAll((ArrayNode) page);
        exchange.setProperty("PowerOfficeMorePages",
                page.size() >= exchange.getProperty("PowerOfficePageSize", PAGE_SIZE, Integer.class));
    }

    /** Every row as one JSON array when the list was read to its end; the failure as it is otherwise. */
    public void rows(Exchange exchange) {
        Message message = exchange.getMessage();
        if (PowerOfficeCalls.OK.equals(message.getHeader(PowerOfficeCalls.ANSWER))) {
            message.setBody(exchange.getProperty("PowerOfficeRows"));
        }
        message.removeHeader("PowerOfficeQuery");
        for (String property : new String[] {"PowerOfficeRows", "PowerOfficePage", "PowerOfficeMorePages",
            "PowerOfficeFilters", "PowerOfficeListPath", "PowerOfficePageSize"}) {
            exchange.removeProperty(property);
        }
    }

    /** Our live voucher among the day's account transactions: {Id, VoucherNo}, or an empty body. */
    public void voucherWithReference(Exchange exchange, String reference) {
        Message message = exchange.getMessage();
        if (!PowerOfficeCalls.OK.equals(message.getHeader(PowerOfficeCalls.ANSWER))) {
            return;
        }
        JsonNode rows = message.getBody(JsonNode.class);
        message.setBody(null);
        if (rows == null) {
            return;
        }
        for (JsonNode row : rows) {
            if (reference.equals(row.path("ExternalImportReference").asText(null))
                    && !row.path("IsReversed").asBoolean(false)) {
                Map<String, Object> voucher = new LinkedHashMap<>();
                voucher.put("Id", row.path("VoucherId").asText());
                voucher.put("VoucherNo", row.path("VoucherNo").asLong());
                message.setBody(voucher);
                return;
            }
        }
    }
}
