package com.renar.mes.masterdata;

import com.renar.mes.shared.MesProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replaces bills of materials. A BOM may not contain its own parent, directly or through sub-assemblies: the
 * check and the write run under one lock, so two concurrent edits cannot build a cycle between them.
 */
@Service
class BomManagement {

    private final ItemManagement items;
    private final ItemRepository itemRepository;
    private final BomRepository boms;
    private final MasterData reads;
    private final JdbcAggregateOperations aggregates;
    private final JdbcClient jdbc;
    private final Clock clock;

    BomManagement(
            ItemManagement items,
            ItemRepository itemRepository,
            BomRepository boms,
            MasterData reads,
            JdbcAggregateOperations aggregates,
            JdbcClient jdbc,
            Clock clock) {
        this.items = items;
        this.itemRepository = itemRepository;
        this.boms = boms;
        this.reads = reads;
        this.aggregates = aggregates;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    BomDetails details(String itemCode) {
        Item parent = items.find(itemCode);
        int version = boms.findByParentItemId(parent.id()).map(Bom::version).orElse(0);
        List<LineView> lines = reads.bom(parent.code()).stream()
                .map(c -> new LineView(c.itemCode(), c.description(), c.type(), c.unit(), c.quantityPer()))
                .toList();
        return new BomDetails(parent.code(), version, lines);
    }

    /** Replaces all lines of the item's BOM; no lines leaves the item without components. */
    @Transactional
    BomDetails replace(String itemCode, BomChange change) {
        Item parent = items.find(itemCode);
        lockBomStructure();
        Bom current = boms.findByParentItemId(parent.id()).orElse(null);
        Versions.check(
                "The bill of materials of '" + itemCode + "'",
                change.version(),
                current == null ? 0 : current.version());
        List<Bom.Line> lines = resolve(parent, change.lines());
        if (current == null) {
            aggregates.insert(Bom.create(parent.id(), lines, clock.instant()));
        } else {
            aggregates.update(current.replaceLines(lines, clock.instant()));
        }
        return details(itemCode);
    }

    private List<Bom.Line> resolve(Item parent, List<LineSpec> specs) {
        Set<String> seen = new HashSet<>();
        Set<String> repeated = new LinkedHashSet<>();
        for (LineSpec spec : specs) {
            if (spec.componentCode().equals(parent.code())) {
                throw MesProblemException.unprocessable("Item '" + parent.code() + "' cannot be its own component");
            }
            if (!seen.add(spec.componentCode())) {
                repeated.add(spec.componentCode());
            }
        }
        if (!repeated.isEmpty()) {
            throw MesProblemException.unprocessable(
                    "Each component may appear once; repeated: " + String.join(", ", repeated));
        }
        if (specs.isEmpty()) {
            return List.of();
        }
        Map<String, Item> byCode =
                itemRepository.findByCodeIn(seen).stream().collect(Collectors.toMap(Item::code, Function.identity()));
        List<String> unknown = specs.stream()
                .map(LineSpec::componentCode)
                .filter(c -> !byCode.containsKey(c))
                .toList();
        if (!unknown.isEmpty()) {
            throw MesProblemException.unprocessable("Unknown component item(s): " + String.join(", ", unknown));
        }
        List<String> cyclic = componentsContaining(
                parent.id(), byCode.values().stream().map(Item::id).toList());
        if (!cyclic.isEmpty()) {
            throw MesProblemException.unprocessable("Component(s) " + String.join(", ", cyclic) + " already contain '"
                    + parent.code() + "' (directly or through their own components); a BOM cannot contain itself");
        }
        List<Bom.Line> lines = new ArrayList<>();
        for (LineSpec spec : specs) {
            lines.add(new Bom.Line(byCode.get(spec.componentCode()).id(), spec.quantityPer()));
        }
        return lines;
    }

    /** The codes of those components whose BOM tree already contains the parent. */
    private List<String> componentsContaining(long parentId, List<Long> componentIds) {
        return jdbc.sql("""
                        with recursive below (root, item_id) as (
                            select id, id from item where id in (:components)
                          union
                            select below.root, line.component_item_id
                              from below
                              join bom on bom.parent_item_id = below.item_id
                              join bom_line line on line.bom_id = bom.id
                        )
                        select distinct item.code
                          from below join item on item.id = below.root
                         where below.item_id = :parent
                         order by item.code
                        """)
                .param("components", componentIds)
                .param("parent", parentId)
                .query(String.class)
                .list();
    }

    /** Serializes BOM edits (rare, by planners) so that two edits cannot close a cycle between them. */
    private void lockBomStructure() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('masterdata.bom-structure'))")
                .query((rs, n) -> n)
                .single();
    }

    /** The new lines of a BOM; {@code version} (optional) is the one the client read. */
    record BomChange(
            Integer version, @NotNull @Size(max = 500) List<@NotNull @Valid LineSpec> lines) {}

    /** So much of a component (by item code) per unit of the parent: exact, positive, at most 4 decimals. */
    record LineSpec(
            @NotBlank @Size(max = 40) String componentCode,

            @NotNull @Positive @Digits(integer = 10, fraction = 4)
            BigDecimal quantityPer) {}

    /** A BOM as shown to people. */
    record BomDetails(String itemCode, int version, List<LineView> lines) {}

    /** One line of a BOM as shown to people. */
    record LineView(String componentCode, String description, ItemType type, String unit, BigDecimal quantityPer) {}
}
