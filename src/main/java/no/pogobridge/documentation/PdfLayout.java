package no.pogobridge.documentation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Writes the report's blocks down the pages of a PDF: a title, headings, wrapped paragraphs, label/value lines and
 * tables whose rows move to a new page (with the table's heading repeated) when they do not fit, and finally the
 * footer on every page once the page count is known. Every colour is DeviceRGB and opaque: PDF/A-1 allows no
 * transparency, and the sRGB output intent covers DeviceRGB.
 */
final class PdfLayout {

    /** A table column: its heading, its share of the table's width, and whether it holds amounts (right-aligned). */
    record Column(String heading, float weight, boolean right) {
    }

    /** A cell's text wraps to at most this many lines; more ends in an ellipsis, so one row never outgrows a page. */
    private static final int MAX_LINES_PER_CELL = 12;
    private static final String ELLIPSIS = "…";
    private static final float[] BLACK = {0f, 0f, 0f};
    private static final float[] DARK_RED = {0.6f, 0f, 0f};
    private static final float[] HEADER_SHADE = {0.9f, 0.9f, 0.9f};
    private static final float[] RULE = {0.55f, 0.55f, 0.55f};
    private static final float PADDING = 4f;

    private final PDDocument document;
    private final Face regular;
    private final Face bold;
    private final PDRectangle pageSize;
    private final float margin;
    private final float size;
    private final float leading;
    private final float bottom;
    private PDPage page;
    private PDPageContentStream content;
    private float y;

    /** A font with the glyphs it has, so text it cannot show is replaced rather than failing the report. */
    private record Face(PDType0Font font, CmapLookup glyphs) {
    }

    PdfLayout(PDDocument document, TrueTypeFont regular, TrueTypeFont bold, DayReportTexts texts) throws IOException {
        this.document = document;
        this.regular = new Face(PDType0Font.load(document, regular, true), regular.getUnicodeCmapLookup());
        this.bold = new Face(PDType0Font.load(document, bold, true), bold.getUnicodeCmapLookup());
        this.pageSize = texts.pageSize();
        this.margin = texts.margin();
        this.size = texts.fontSize();
        this.leading = size * 1.3f;
        // room for the footer's line below the content
        this.bottom = margin + size * 3.5f;
        newPage();
    }

    private float width() {
        return pageSize.getWidth() - 2 * margin;
    }

    void title(String text, float fontSize) throws IOException {
        line(text, bold, fontSize, BLACK);
    }

    void subtitle(String text, float fontSize) throws IOException {
        line(text, bold, fontSize, DARK_RED);
    }

    private void line(String text, Face face, float fontSize, float[] colour) throws IOException {
        for (String wrapped : wrap(text, face, fontSize, width(), Integer.MAX_VALUE)) {
            room(fontSize * 1.3f);
            y -= fontSize * 1.3f;
            show(wrapped, face, fontSize, margin, y + fontSize * 0.3f, colour);
        }
    }

    /** A section heading, kept on the page with the first lines below it. */
    void heading(String text, float fontSize) throws IOException {
        y -= size;
        if (y - fontSize * 1.5f - 3 * leading < bottom) {
            newPage();
        }
        line(text, bold, fontSize, BLACK);
        y -= size * 0.3f;
    }

    void paragraph(String text) throws IOException {
        paragraph(text, false, false);
    }

    void paragraph(String text, boolean strong, boolean alarm) throws IOException {
        Face face = strong ? bold : regular;
        for (String wrapped : wrap(text, face, size, width(), Integer.MAX_VALUE)) {
            room(leading);
            y -= leading;
            show(wrapped, face, size, margin, y + size * 0.3f, alarm ? DARK_RED : BLACK);
        }
    }

    /** A bullet point whose wrapped lines indent under its first word. */
    void bullet(String text) throws IOException {
        String mark = "•";
        float indent = size * 1.2f;
        List<String> lines = wrap(text, regular, size, width() - indent, Integer.MAX_VALUE);
        for (int i = 0; i < lines.size(); i++) {
            room(leading);
            y -= leading;
            if (i == 0) {
                show(mark, regular, size, margin + size * 0.2f, y + size * 0.3f, BLACK);
            }
            show(lines.get(i), regular, size, margin + indent, y + size * 0.3f, BLACK);
        }
    }

    /** Label (bold) and value lines, the values lined up after the widest label. */
    void labelled(List<String[]> pairs) throws IOException {
        float labelWidth = 0;
        for (String[] pair : pairs) {
            labelWidth = Math.max(labelWidth, textWidth(clean(pair[0], bold), bold, size));
        }
        float valueX = margin + labelWidth + size * 1.5f;
        for (String[] pair : pairs) {
            List<String> values = wrap(pair[1], regular, size, margin + width() - valueX, MAX_LINES_PER_CELL);
            for (int i = 0; i < values.size(); i++) {
                room(leading);
                y -= leading;
                if (i == 0) {
                    show(clean(pair[0], bold), bold, size, margin, y + size * 0.3f, BLACK);
                }
                show(values.get(i), regular, size, valueX, y + size * 0.3f, BLACK);
            }
        }
    }

    /**
     * A table over {@code share} of the content width: a shaded heading row, the rows, and a bold sum row under a
     * rule ({@code sum} null for none). Text columns wrap; an amount too wide for its column ends in an ellipsis.
     */
    void table(List<Column> columns, List<List<String>> rows, List<String> sum, float share) throws IOException {
        table(columns, rows, sum, share, 0);
    }

    /** A table whose sum row stays on the page with the {@code linesAfter} lines written after the table. */
    void table(List<Column> columns, List<List<String>> rows, List<String> sum, float share, int linesAfter)
            throws IOException {
        float total = 0;
        for (Column column : columns) {
            total += column.weight();
        }
        float[] widths = new float[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = width() * share * columns.get(i).weight() / total;
        }
        List<String> headings = columns.stream().map(Column::heading).toList();
        // the heading and the first row stay together
        if (y - rowHeight(headings, columns, widths, bold) - rowHeight(rows.isEmpty() ? headings : rows.get(0),
                columns, widths, regular) < bottom) {
            newPage();
        }
        row(headings, columns, widths, bold, true);
        for (List<String> cells : rows) {
            if (y - rowHeight(cells, columns, widths, regular) < bottom) {
                newPage();
                row(headings, columns, widths, bold, true);
            }
            row(cells, columns, widths, regular, false);
        }
        if (sum != null) {
            if (y - rowHeight(sum, columns, widths, bold) - linesAfter * leading < bottom) {
                newPage();
                row(headings, columns, widths, bold, true);
            }
            rule(margin, y, margin + width() * share);
            row(sum, columns, widths, bold, false);
        }
        y -= size * 0.4f;
    }

    private float rowHeight(List<String> cells, List<Column> columns, float[] widths, Face face) throws IOException {
        int lines = 1;
        for (int i = 0; i < cells.size(); i++) {
            lines = Math.max(lines, cellLines(cells.get(i), columns.get(i), widths[i], face).size());
        }
        return lines * leading + PADDING;
    }

    private List<String> cellLines(String text, Column column, float width, Face face) throws IOException {
        float inner = width - 2 * PADDING;
        return column.right() ? List.of(truncate(clean(text, face), face, inner))
                : wrap(text, face, size, inner, MAX_LINES_PER_CELL);
    }

    private void row(List<String> cells, List<Column> columns, float[] widths, Face face, boolean heading)
            throws IOException {
        float height = rowHeight(cells, columns, widths, face);
        float top = y;
        if (heading) {
            float tableWidth = 0;
            for (float w : widths) {
                tableWidth += w;
            }
            content.setNonStrokingColor(HEADER_SHADE[0], HEADER_SHADE[1], HEADER_SHADE[2]);
            content.addRect(margin, top - height, tableWidth, height);
            content.fill();
        }
        float x = margin;
        for (int i = 0; i < cells.size(); i++) {
            List<String> lines = cellLines(cells.get(i), columns.get(i), widths[i], face);
            for (int l = 0; l < lines.size(); l++) {
                float baseline = top - PADDING / 2 - (l + 1) * leading + size * 0.3f;
                float textX = columns.get(i).right()
                        ? x + widths[i] - PADDING - textWidth(lines.get(l), face, size)
                        : x + PADDING;
                show(lines.get(l), face, size, textX, baseline, BLACK);
            }
            x += widths[i];
        }
        y = top - height;
    }

    private void rule(float from, float at, float to) throws IOException {
        content.setStrokingColor(RULE[0], RULE[1], RULE[2]);
        content.setLineWidth(0.5f);
        content.moveTo(from, at);
        content.lineTo(to, at);
        content.stroke();
    }

    /** Ends the content and writes the footer on every page: {@code made} on the left, the page text on the right. */
    void finish(String made, IntFunction<String> pageOfPages) throws IOException {
        content.close();
        int count = document.getNumberOfPages();
        float footerSize = size * 0.85f;
        for (int i = 0; i < count; i++) {
            PDPage each = document.getPage(i);
            try (PDPageContentStream footer = new PDPageContentStream(document, each,
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                content = footer;
                float at = margin;
                rule(margin, at + footerSize * 1.4f, margin + width());
                show(clean(made, regular), regular, footerSize, margin, at, BLACK);
                String pageText = clean(pageOfPages.apply(i + 1), regular);
                show(pageText, regular, footerSize, margin + width() - textWidth(pageText, regular, footerSize), at,
                        BLACK);
            }
        }
    }

    private void room(float height) throws IOException {
        if (y - height < bottom) {
            newPage();
        }
    }

    private void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        page = new PDPage(pageSize);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = pageSize.getHeight() - margin;
    }

    private void show(String text, Face face, float fontSize, float x, float baseline, float[] colour)
            throws IOException {
        if (text.isEmpty()) {
            return;
        }
        content.beginText();
        content.setFont(face.font(), fontSize);
        content.setNonStrokingColor(colour[0], colour[1], colour[2]);
        content.newLineAtOffset(x, baseline);
        content.showText(text);
        content.endText();
    }

    private float textWidth(String text, Face face, float fontSize) throws IOException {
        return face.font().getStringWidth(text) / 1000f * fontSize;
    }

    /**
     * The text with what a line cannot hold made a space (line breaks, tabs) and any character the font has no glyph
     * for (an emoji in a product name from the till) made a '?': the report is still written, and still readable.
     */
    private static String clean(String text, Face face) {
        if (text == null) {
            return "";
        }
        StringBuilder cleaned = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || Character.isWhitespace(c)) {
                cleaned.append(' ');
            } else if (face.glyphs().getGlyphId(c) == 0) {
                cleaned.append('?');
            } else {
                cleaned.appendCodePoint(c);
            }
        });
        return cleaned.toString();
    }

    /** Word-wrapped lines no wider than {@code width}; a word longer than a line is broken; at most {@code max}. */
    private List<String> wrap(String text, Face face, float fontSize, float width, int max) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        // glyph widths add up (PDFBox applies no kerning), so a line's width grows word by word
        float space = textWidth(" ", face, fontSize);
        float lineWidth = 0;
        for (String word : clean(text, face).strip().split(" +")) {
            float wordWidth = textWidth(word, face, fontSize);
            float candidate = line.isEmpty() ? wordWidth : lineWidth + space + wordWidth;
            if (candidate <= width) {
                if (!line.isEmpty()) {
                    line.append(' ');
                }
                line.append(word);
                lineWidth = candidate;
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (textWidth(rest, face, fontSize) > width && rest.length() > 1) {
                int fits = 1;
                while (fits < rest.length() && textWidth(rest.substring(0, fits + 1), face, fontSize) <= width) {
                    fits++;
                }
                lines.add(rest.substring(0, fits));
                rest = rest.substring(fits);
            }
            line.append(rest);
            lineWidth = textWidth(rest, face, fontSize);
        }
        lines.add(line.toString());
        if (lines.size() > max) {
            List<String> kept = new ArrayList<>(lines.subList(0, max));
            kept.set(max - 1, truncate(kept.get(max - 1) + " " + lines.get(max), face, width, fontSize, true));
            return kept;
        }
        return lines;
    }

    private String truncate(String text, Face face, float width) throws IOException {
        return truncate(text, face, width, size, false);
    }

    /** The text cut to fit {@code width}, ending in an ellipsis when cut (or {@code always}). */
    private String truncate(String text, Face face, float width, float fontSize, boolean always) throws IOException {
        if (!always && textWidth(text, face, fontSize) <= width) {
            return text;
        }
        String cut = text;
        while (!cut.isEmpty() && textWidth(cut.strip() + ELLIPSIS, face, fontSize) > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut.strip() + ELLIPSIS;
    }
}
