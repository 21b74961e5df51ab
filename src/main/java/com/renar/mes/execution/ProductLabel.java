package com.renar.mes.execution;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import javax.imageio.ImageIO;

/**
 * The final product label printed at packaging: order, item, lot, quantity, date and a Code 128 barcode of the lot
 * in the format scanners read back ({@code LOT:<lot>}). 4 × 3 inches at 203 dpi (812 × 609 dots), the common
 * thermal label.
 */
record ProductLabel(
        String orderCode,
        String itemCode,
        String itemDescription,
        String lot,
        BigDecimal quantity,
        String unit,
        LocalDate date) {

    static final int WIDTH = 812;
    static final int HEIGHT = 609;

    String barcode() {
        return "LOT:" + lot;
    }

    /** ZPL II for Zebra-compatible printers; field data hex-escaped so no text can inject commands. */
    String zpl() {
        return String.join(
                "\n",
                "^XA",
                "^CI28",
                "^PW" + WIDTH,
                "^LL" + HEIGHT,
                "^FO40,30^A0N,44,44^FH\\^FDMES RENAR^FS",
                text(40, 90, 32, "OP: " + orderCode),
                text(40, 132, 32, "Item: " + itemCode),
                text(40, 174, 24, itemDescription),
                text(40, 214, 32, "Lot: " + lot),
                text(40, 256, 32, "Qty: " + quantity.toPlainString() + " " + unit),
                text(40, 298, 32, "Date: " + date),
                "^FO40,350^BY3^BCN,140,Y,N,N^FH\\^FD" + escape(barcode()) + "^FS",
                "^XZ",
                "");
    }

    /** The same label as a PNG image, for screens and office printers. */
    byte[] png() {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 40));
            g.drawString("MES RENAR", 40, 70);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 28));
            g.drawString("OP: " + orderCode, 40, 115);
            g.drawString("Item: " + itemCode, 40, 155);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 22));
            g.drawString(itemDescription, 40, 190);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 28));
            g.drawString("Lot: " + lot, 40, 230);
            g.drawString("Qty: " + quantity.toPlainString() + " " + unit, 40, 270);
            g.drawString("Date: " + date, 40, 310);
            BitMatrix bars = new Code128Writer().encode(barcode(), BarcodeFormat.CODE_128, WIDTH - 80, 150);
            for (int x = 0; x < bars.getWidth(); x++) {
                for (int y = 0; y < bars.getHeight(); y++) {
                    if (bars.get(x, y)) {
                        image.setRGB(40 + x, 340 + y, 0x000000);
                    }
                }
            }
            g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 24));
            g.drawString(barcode(), 40, 520);
        } finally {
            g.dispose();
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(int x, int y, int size, String value) {
        return "^FO" + x + "," + y + "^A0N," + size + "," + size + "^FH\\^FD" + escape(value) + "^FS";
    }

    /** ZPL field data with {@code ^FH\}: the control characters ^ and ~ and the escape itself become hex. */
    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\5C");
                case '^' -> out.append("\\5E");
                case '~' -> out.append("\\7E");
                default -> out.append(c < 0x20 ? ' ' : c);
            }
        }
        return out.toString();
    }
}
