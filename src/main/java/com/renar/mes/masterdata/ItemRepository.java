package com.renar.mes.masterdata;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.PagingAndSortingRepository;

interface ItemRepository extends ListCrudRepository<Item, Long>, PagingAndSortingRepository<Item, Long> {

    Optional<Item> findByCode(String code);

    boolean existsByCode(String code);

    List<Item> findByCodeIn(Collection<String> codes);
}
