/**
 * Production orders (OPs): what the ERP released — item, quantity, due date, priority, lots and the routing
 * copied at import — plus replenishment orders the MES makes, the discrepancies PCP must resolve, and the
 * bridge to the ERP (the {@code erp} package: anti-corruption adapters, import, reporting back).
 */
@ApplicationModule(displayName = "Production orders")
package com.renar.mes.orders;

import org.springframework.modulith.ApplicationModule;
