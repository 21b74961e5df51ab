package com.renar.mes.orders;

import com.renar.mes.platform.MesJob;
import org.springframework.stereotype.Component;

/** {@code java -jar mes.jar job erp-sync}: one pull from the ERP; exits non-zero when it fails or rejects records. */
@Component
class ErpSyncJob implements MesJob {

    private final ErpSync sync;

    ErpSyncJob(ErpSync sync) {
        this.sync = sync;
    }

    @Override
    public String name() {
        return "erp-sync";
    }

    @Override
    public int run() {
        SyncSummary summary = sync.pull();
        return summary.rejected().isEmpty() ? 0 : 3;
    }
}
