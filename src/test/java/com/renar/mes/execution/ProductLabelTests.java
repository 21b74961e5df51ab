package com.renar.mes.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ProductLabelTests {

    private final ProductLabel label = new ProductLabel(
            "OP-1",
            "WARD-2D3G",
            "Wardrobe ^XZ~JA evil",
            "OP-1-L",
            new BigDecimal("12"),
            "PC",
            LocalDate.of(2026, 12, 2));

    @Test
    void zplCarriesOrderItemLotQuantityDateAndBarcode() {
        String zpl = label.zpl();
        assertThat(zpl).startsWith("^XA").contains("^XZ");
        assertThat(zpl).contains("OP: OP-1", "Item: WARD-2D3G", "Lot: OP-1-L", "Qty: 12 PC", "Date: 2026-12-02");
        assertThat(zpl).contains("^BCN,140,Y,N,N^FH\\^FDLOT:OP-1-L^FS");
    }

    @Test
    void textCannotInjectPrinterCommands() {
        String zpl = label.zpl();
        assertThat(zpl).contains("Wardrobe \\5EXZ\\7EJA evil");
        assertThat(zpl.indexOf("^XZ")).isEqualTo(zpl.lastIndexOf("^XZ"));
    }

    @Test
    void pngIsAnImageOfTheLabelSize() throws Exception {
        byte[] png = label.png();
        var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(ProductLabel.WIDTH);
        assertThat(image.getHeight()).isEqualTo(ProductLabel.HEIGHT);
    }
}
