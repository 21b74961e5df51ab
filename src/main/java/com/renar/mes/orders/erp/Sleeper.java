package com.renar.mes.orders.erp;

import java.time.Duration;

/** Waits between retries. Production sleeps the thread; tests pass one that records the delay and returns. */
@FunctionalInterface
interface Sleeper {

    Sleeper THREAD = delay -> Thread.sleep(delay.toMillis());

    void sleep(Duration delay) throws InterruptedException;
}
