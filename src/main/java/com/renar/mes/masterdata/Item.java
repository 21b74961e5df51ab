package com.renar.mes.masterdata;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** An item of the catalogue (aggregate root). Identified to people by its unique code. */
@Table("item")
record Item(
        @Id Long id,
        String code,
        String description,
        ItemType type,
        String unit,
        String productFamily,
        @Version int version,
        Instant createdAt,
        Instant updatedAt) {

    static Item create(String code, String description, ItemType type, String unit, String family, Instant now) {
        return new Item(null, code, description, type, unit, family, 0, now, now);
    }

    Item update(String description, ItemType type, String unit, String family, Instant now) {
        return new Item(id, code, description, type, unit, family, version, createdAt, now);
    }
}
