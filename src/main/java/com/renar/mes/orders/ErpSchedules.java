package com.renar.mes.orders;

import com.renar.mes.orders.erp.ErpException;
import com.renar.mes.orders.erp.ErpGateway;
import com.renar.mes.shared.MesProblemException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ERP bridge's clockwork, present only when an ERP is configured: the pull every few minutes
 * ({@code ERP_SYNC_CRON}) and the delivery of queued production reports ({@code ERP_REPORT_INTERVAL}).
 */
@Component
@ConditionalOnProperty(name = "mes.erp.enabled", havingValue = "true")
class ErpSchedules {

    private static final Logger log = LoggerFactory.getLogger(ErpSchedules.class);

    private final ErpSync sync;
    private final ErpReportDispatcher dispatcher;

    ErpSchedules(
            ErpSync sync,
            ErpGateway gateway,
            JdbcClient jdbc,
            JsonMapper json,
            Clock clock,
            @Value("${mes.erp.report-batch-size:50}") int batchSize) {
        this.sync = sync;
        this.dispatcher = new ErpReportDispatcher(gateway, jdbc, json, clock, batchSize);
    }

    @Scheduled(cron = "${mes.erp.sync-cron:0 */5 * * * *}", zone = "${mes.plant.time-zone:America/Sao_Paulo}")
    void pull() {
        try {
            sync.pull();
        } catch (MesProblemException e) {
            log.info("Scheduled ERP sync skipped: {}", e.getMessage());
        } catch (ErpException e) {
            log.warn("Scheduled ERP sync failed, will try again at the next tick: {}", e.getMessage());
        }
    }

    @Scheduled(
            fixedDelayString = "${mes.erp.report-interval:10s}",
            initialDelayString = "${mes.erp.report-interval:10s}")
    void deliverReports() {
        int delivered = dispatcher.dispatchDue();
        if (delivered > 0) {
            log.info("Delivered {} production report(s) to the ERP", delivered);
        }
    }
}
