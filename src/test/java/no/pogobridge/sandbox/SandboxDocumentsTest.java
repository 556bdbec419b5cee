package no.pogobridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import no.pogobridge.sandbox.SandboxClient.Voucher;
import no.pogobridge.sandbox.SandboxInput.CashVoucherLinePost;
import no.pogobridge.sandbox.SandboxInput.CashVoucherPost;
import org.junit.jupiter.api.Test;

/** The sandbox holds attached PDFs within a byte budget, newest kept, and a voucher remembers it has one. */
class SandboxDocumentsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-15T06:00:00Z"), ZoneOffset.UTC);

    @Test
    void dropsTheOldestBytesPastTheBudgetAndCountsAReplacementAsNewest() {
        SandboxDocuments documents = new SandboxDocuments(100);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        documents.put(first, new byte[40]);
        documents.put(second, new byte[40]);
        documents.put(first, new byte[30]);
        assertThat(documents.heldBytes()).isEqualTo(70);

        documents.put(third, new byte[40]);
        assertThat(documents.pdf(second)).as("the oldest, since the first was replaced").isEmpty();
        assertThat(documents.pdf(first)).hasValueSatisfying(pdf -> assertThat(pdf).hasSize(30));
        assertThat(documents.pdf(third)).isPresent();
        assertThat(documents.heldBytes()).isEqualTo(70);
    }

    @Test
    void keepsTheNewestEvenWhenItAloneIsOverTheBudget() {
        SandboxDocuments documents = new SandboxDocuments(100);
        UUID small = UUID.randomUUID();
        UUID large = UUID.randomUUID();
        documents.put(small, new byte[10]);
        documents.put(large, new byte[150]);
        assertThat(documents.pdf(small)).isEmpty();
        assertThat(documents.pdf(large)).isPresent();
    }

    @Test
    void aVoucherWhosePdfWasEvictedStillHasAPdf() {
        SandboxWorld world = new SandboxWorld(CLOCK);
        SandboxPostings postings = new SandboxPostings(CLOCK);
        SandboxClient client = world.client(SandboxWorld.DEMO_CLIENT).orElseThrow();
        SandboxDocuments documents = new SandboxDocuments(20);
        Voucher older = post(postings, client, "older");
        Voucher newer = post(postings, client, "newer");

        postings.attachDocumentation(client, SandboxKeys.STANDARD_APPLICATION_KEY, older.id(), pdf(15), documents);
        postings.attachDocumentation(client, SandboxKeys.STANDARD_APPLICATION_KEY, newer.id(), pdf(15), documents);

        assertThat(documents.pdf(older.id())).isEmpty();
        assertThat(older.hasPdf()).isTrue();
        assertThat(newer.hasPdf()).isTrue();
        assertThat(SandboxViews.voucherDocumentation(older).get("HasPdf")).isEqualTo(true);
    }

    private static Voucher post(SandboxPostings postings, SandboxClient client, String reference) {
        LocalDate day = LocalDate.of(2026, 3, 14);
        long card = client.accountByNo(1550).orElseThrow().id();
        long food = client.accountByNo(3000).orElseThrow().id();
        long noVat = client.vatCodeByCode("0").orElseThrow().id();
        long highVat = client.vatCodeByCode("3").orElseThrow().id();
        return postings.postCashJournal(client, SandboxKeys.STANDARD_APPLICATION_KEY, new CashVoucherPost(day, "NOK",
                "Dagsoppgjør", reference, null, null, null, List.of(
                        new CashVoucherLinePost(card, new BigDecimal("100.00"), noVat, day, "Bankkort", null, null),
                        new CashVoucherLinePost(food, new BigDecimal("-100.00"), highVat, day, "Mat", null, null))));
    }

    private static byte[] pdf(int size) {
        byte[] pdf = new byte[size];
        System.arraycopy("%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, pdf, 0, 5);
        return pdf;
    }
}
