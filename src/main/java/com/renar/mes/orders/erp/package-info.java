/**
 * The ERP anti-corruption layer of the orders module. {@link com.renar.mes.orders.erp.ErpGateway} is the port;
 * {@code RestErpGateway} and {@code JdbcErpGateway} are its adapters, chosen by {@code mes.erp.type}. Raw records
 * from either adapter (and later from the ERP's push endpoint) go through {@link
 * com.renar.mes.orders.erp.ErpOrderParser}, one by one, so a bad record never fails a batch. See
 * docs/erp-integration.md and ADR 0005.
 */
package com.renar.mes.orders.erp;
