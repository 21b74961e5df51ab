package com.renar.mes.orders;

/** Whether an order will meet, may miss or has missed its due date. */
public enum DeadlineCompliance {
    ON_TIME,
    AT_RISK,
    LATE
}
