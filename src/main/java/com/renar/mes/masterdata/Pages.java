package com.renar.mes.masterdata;

import com.renar.mes.shared.PageQuery;
import com.renar.mes.shared.PageResponse;
import java.util.List;

/** Paging for lists read with hand-written SQL. */
final class Pages {

    private Pages() {}

    static long offset(PageQuery query) {
        return (long) query.page() * query.size();
    }

    static <T> PageResponse<T> of(List<T> content, PageQuery query, long totalElements) {
        int totalPages = (int) ((totalElements + query.size() - 1) / query.size());
        return new PageResponse<>(content, query.page(), query.size(), totalElements, totalPages);
    }
}
