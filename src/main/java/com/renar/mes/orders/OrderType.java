package com.renar.mes.orders;

/** Where a production order came from. */
public enum OrderType {
    /** Released by the ERP. */
    PRODUCTION,
    /** Made by the MES to cover a loss on another order. */
    REPLENISHMENT
}
