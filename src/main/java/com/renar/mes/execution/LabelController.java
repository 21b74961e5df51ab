package com.renar.mes.execution;

import com.renar.mes.masterdata.ItemInfo;
import com.renar.mes.masterdata.MasterData;
import com.renar.mes.orders.ProductionOrders;
import com.renar.mes.orders.ProductionOrders.OrderInfo;
import com.renar.mes.orders.ProductionOrders.Step;
import com.renar.mes.shared.MesProblemException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/ops/{id}/label?format=zpl|png}: the final product label for an order, with the quantity its
 * packaging step has packed so far (boxes counted good). ZPL goes to the label printer as is.
 */
@RestController
@RequestMapping("/api/v1/ops/{id}/label")
class LabelController {

    static final MediaType ZPL = MediaType.parseMediaType("application/zpl;charset=UTF-8");

    private final ProductionOrders orders;
    private final MasterData catalog;
    private final StepStore steps;
    private final ExecutionProperties properties;
    private final Clock clock;
    private final ZoneId plantZone;

    LabelController(
            ProductionOrders orders,
            MasterData catalog,
            StepStore steps,
            ExecutionProperties properties,
            Clock clock,
            @Value("${mes.plant.time-zone:America/Sao_Paulo}") ZoneId plantZone) {
        this.orders = orders;
        this.catalog = catalog;
        this.steps = steps;
        this.properties = properties;
        this.clock = clock;
        this.plantZone = plantZone;
    }

    @GetMapping
    ResponseEntity<?> label(@PathVariable long id, @RequestParam(defaultValue = "zpl") String format) {
        if (!format.equals("zpl") && !format.equals("png")) {
            throw new MesProblemException(
                    com.renar.mes.shared.ProblemType.VALIDATION, "format must be zpl or png, not '" + format + "'");
        }
        ProductLabel label = label(id);
        return format.equals("png")
                ? ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(label.png())
                : ResponseEntity.ok().contentType(ZPL).body(label.zpl());
    }

    private ProductLabel label(long id) {
        OrderInfo order = orders.byId(id).orElseThrow(() -> MesProblemException.notFound("Production order", id));
        List<Step> packaging = order.steps().stream()
                .filter(s -> properties.labelProcessSteps().contains(s.processStepCode()))
                .toList();
        if (packaging.isEmpty()) {
            throw MesProblemException.unprocessable(
                    "Order " + order.orderCode() + " has no packaging step, so it gets no product label");
        }
        Step step = packaging.get(packaging.size() - 1);
        long packed = steps.find(id, step.sequence()).map(StepRecord::good).orElse(0L);
        if (packed == 0) {
            throw MesProblemException.conflict("Nothing of order " + order.orderCode() + " is packed yet");
        }
        ItemInfo item = catalog.item(order.itemCode()).orElseThrow();
        return new ProductLabel(
                order.orderCode(),
                item.code(),
                item.description(),
                order.lots().isEmpty() ? order.orderCode() : order.lots().get(0),
                BigDecimal.valueOf(packed),
                item.unit(),
                LocalDate.ofInstant(clock.instant(), plantZone));
    }
}
