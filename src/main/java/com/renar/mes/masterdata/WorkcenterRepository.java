package com.renar.mes.masterdata;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface WorkcenterRepository extends ListCrudRepository<Workcenter, Long> {

    Optional<Workcenter> findByCode(String code);

    List<Workcenter> findByCodeIn(Collection<String> codes);

    boolean existsByCode(String code);
}
