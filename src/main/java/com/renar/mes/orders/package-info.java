/**
 * Production orders (OPs): the orders the ERP releases and the replenishment orders the MES raises, with their
 * routing snapshot, lots, status and replenishment links; the import from the ERP (pull on a schedule and push
 * by the ERP) that keeps exactly one OP per ERP order code; the discrepancies PCP resolves when the ERP changes
 * an order that has already started; and the outbox that reports production performance back to the ERP.
 *
 * <p>The sub-package {@code erp} is the anti-corruption layer: one port ({@link
 * com.renar.mes.orders.erp.ErpGateway}), a REST and a database adapter, and the parser that turns whatever the
 * ERP sends into valid {@link com.renar.mes.orders.erp.ErpOrder}s or per-record rejections. Nothing outside
 * this module sees ERP shapes.
 */
@ApplicationModule(displayName = "Production orders")
package com.renar.mes.orders;

import org.springframework.modulith.ApplicationModule;
