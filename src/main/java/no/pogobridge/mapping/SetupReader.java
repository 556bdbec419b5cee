package no.pogobridge.mapping;

import org.springframework.stereotype.Component;

/** The POS catalogue joined with our mappings: the {@link Setup} a voucher is built with. */
@Component("setupReader")
public class SetupReader {

    private final PosCatalog catalog;
    private final MappingStore mappings;

    public SetupReader(PosCatalog catalog, MappingStore mappings) {
        this.catalog = catalog;
        this.mappings = mappings;
    }

    public Setup read() {
        PosCatalog.Catalog c = catalog.read();
        MappingStore.Mappings m = mappings.read();
        return new Setup(c.productTypes(), c.vatCodes(), c.paymentTypes(), m.productTypes(), m.vatCodes(),
                m.paymentTypes(), m.roundingAccount());
    }
}
