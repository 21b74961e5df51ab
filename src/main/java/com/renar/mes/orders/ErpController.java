package com.renar.mes.orders;

import com.renar.mes.orders.ErpReportQueue.ReportView;
import com.renar.mes.orders.erp.ErpOrderParser;
import com.renar.mes.orders.erp.ErpRecordOutcome;
import com.renar.mes.shared.MesProblemException;
import com.renar.mes.shared.PageQuery;
import com.renar.mes.shared.PageResponse;
import com.renar.mes.shared.ProblemType;
import com.renar.mes.shared.Role;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The ERP bridge: orders pushed or pulled in, production reports going out. PCP and MANAGER only. */
@RestController
@RequestMapping("/api/v1/erp")
@PreAuthorize(Role.Expressions.PLANNING)
class ErpController {

    static final String PUSH_EXAMPLE = """
            {"orders": [
              {"orderCode": "2026-0042", "type": "PRODUCTION", "itemCode": "WARD-2D3G", "quantity": 12,
               "dueDate": "2026-12-18", "priority": 1, "lots": ["2026-0042-L1"]},
              {"orderCode": "2026-0043", "itemCode": "PNL-SIDE-1850", "quantity": "24.0000",
               "dueDate": "2026-12-15T17:00:00-03:00", "priority": 2, "lots": ["2026-0043-L1", "2026-0043-L2"],
               "routing": [{"sequence": 10, "processStepCode": "OPTIMIZER", "workcenterCode": "OPT-02",
                            "setupMinutes": 10, "standardSecondsPerPiece": 20}]}
            ]}
            """;

    /** A pushed batch larger than this must be split; it keeps one request within seconds. */
    static final int MAX_PUSHED_ORDERS = 1000;

    private final ErpSync sync;
    private final ErpOrderParser parser;
    private final ErpReportQueue reports;

    ErpController(ErpSync sync, ErpOrderParser parser, ErpReportQueue reports) {
        this.sync = sync;
        this.parser = parser;
        this.reports = reports;
    }

    /**
     * The ERP pushes released orders: {@code {"orders": [ ... ]}} (format in docs/erp-integration.md). Same
     * semantics as a pull: each record is imported or rejected on its own; the answer summarises them.
     */
    @PostMapping("/orders")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            description = "Released orders, inspired by the ISA-95/B2MML production schedule (docs/erp-integration.md)."
                    + " Field names are matched ignoring case, '_' and '-'; unknown fields are ignored.",
            required = true,
            content =
                    @Content(
                            mediaType = "application/json",
                            examples =
                                    @ExampleObject(
                                            name = "two orders, one with a routing override",
                                            value = PUSH_EXAMPLE)))
    SyncSummary push(@RequestBody JsonNode body) {
        JsonNode orders = body.get("orders");
        if (orders == null || !orders.isArray()) {
            throw new MesProblemException(
                    ProblemType.MALFORMED_REQUEST, "The body must be an object with an array 'orders'");
        }
        if (orders.size() > MAX_PUSHED_ORDERS) {
            throw new MesProblemException(
                    ProblemType.UNPROCESSABLE,
                    "At most " + MAX_PUSHED_ORDERS + " orders per push (got " + orders.size() + "); split the batch");
        }
        ErpOrderParser.Batch batch = parser.newBatch();
        List<ErpRecordOutcome> records = new ArrayList<>(orders.size());
        for (JsonNode order : orders) {
            records.add(batch.parse(order));
        }
        return sync.importPushed(records);
    }

    /** Pull from the ERP now (the scheduled pull does the same every few minutes). */
    @PostMapping("/sync")
    SyncSummary pull() {
        return sync.pull();
    }

    /** Production reports not delivered yet (or, on request, delivered ones). */
    @GetMapping("/reports")
    PageResponse<ReportView> reports(
            @RequestParam(defaultValue = "PENDING")
                    @Pattern(regexp = "PENDING|FAILED|DELIVERED", message = "must be PENDING, FAILED or DELIVERED")
                    String status,
            @Valid PageQuery page) {
        return reports.list(status, page);
    }

    /** Send a failed report again (after the cause was fixed). */
    @PostMapping("/reports/{reportId}/retry")
    ReportView retry(@PathVariable String reportId) {
        return reports.retry(reportId);
    }
}
