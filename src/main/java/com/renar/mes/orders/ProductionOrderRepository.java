package com.renar.mes.orders;

import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface ProductionOrderRepository extends ListCrudRepository<ProductionOrder, Long> {

    Optional<ProductionOrder> findByOrderCode(String orderCode);
}
