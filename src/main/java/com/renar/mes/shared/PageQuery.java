package com.renar.mes.shared;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Paging parameters of every list: {@code ?page=0&size=50}, at most 500 rows a page. */
public record PageQuery(
        @Min(0) Integer page, @Min(1) @Max(500) Integer size) {

    public PageQuery {
        if (page == null) {
            page = 0;
        }
        if (size == null) {
            size = 50;
        }
    }
}
