/**
 * Shop-floor execution: scans, and the life of every routing step of an order — start, pause, resume, piece
 * counts (operators and machines, batched), quality (scrap and rework with a reason), complete — with the
 * quantity each step releases to the next. Kitting limits what assembly, painting and packaging release to the
 * sets whose components are all on hand; losses raise replenishment orders (once per loss); the packaging step
 * prints the product label. Every change records who, when and where, and publishes its event in the same
 * transaction.
 *
 * <p>Orders stay the orders module's: execution moves their status through {@link
 * com.renar.mes.orders.OrderLifecycle}, reads them through {@link com.renar.mes.orders.ProductionOrders}, and
 * answers the progress orders shows through {@link com.renar.mes.orders.StepProgressSource}.
 */
@ApplicationModule(displayName = "Execution")
package com.renar.mes.execution;

import org.springframework.modulith.ApplicationModule;
