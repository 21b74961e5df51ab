package com.renar.mes.masterdata;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** The bill of materials of one item (aggregate root): what one unit of the parent is made of. */
@Table("bom")
record Bom(
        @Id Long id,
        Long parentItemId,
        @Version int version,
        Instant updatedAt,

        @MappedCollection(idColumn = "bom_id", keyColumn = "bom_key")
        List<Line> lines) {

    Bom {
        lines = List.copyOf(lines);
    }

    static Bom create(long parentItemId, List<Line> lines, Instant now) {
        return new Bom(null, parentItemId, 0, now, lines);
    }

    Bom replaceLines(List<Line> newLines, Instant now) {
        return new Bom(id, parentItemId, version, now, newLines);
    }

    /** So much of a component per unit of the parent. */
    @Table("bom_line")
    record Line(Long componentItemId, BigDecimal quantityPer) {}
}
