package com.renar.mes.masterdata;

import java.util.Optional;
import org.springframework.data.repository.Repository;

interface ReasonCodeRepository extends Repository<ReasonCode, Long> {

    Optional<ReasonCode> findByCode(String code);

    boolean existsByCode(String code);
}
