package com.renar.mes.masterdata;

import java.util.Optional;
import org.springframework.data.repository.Repository;

interface BomRepository extends Repository<Bom, Long> {

    Optional<Bom> findByParentItemId(Long parentItemId);
}
