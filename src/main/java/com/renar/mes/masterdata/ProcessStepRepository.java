package com.renar.mes.masterdata;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.PagingAndSortingRepository;

interface ProcessStepRepository
        extends ListCrudRepository<ProcessStep, Long>, PagingAndSortingRepository<ProcessStep, Long> {

    Optional<ProcessStep> findByCode(String code);

    List<ProcessStep> findByCodeIn(Collection<String> codes);

    boolean existsByCode(String code);

    boolean existsBySequence(int sequence);
}
