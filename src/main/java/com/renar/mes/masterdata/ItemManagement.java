package com.renar.mes.masterdata;

import com.renar.mes.shared.MesProblemException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and changes items of the catalogue. */
@Service
class ItemManagement {

    static final String CODE_PATTERN = "[A-Za-z0-9._/-]+";
    static final String CODE_MESSAGE = "letters, digits and . _ / - only";

    private final ItemRepository items;
    private final JdbcAggregateOperations aggregates;
    private final Clock clock;

    ItemManagement(ItemRepository items, JdbcAggregateOperations aggregates, Clock clock) {
        this.items = items;
        this.aggregates = aggregates;
        this.clock = clock;
    }

    @Transactional
    Item create(NewItem command) {
        if (items.existsByCode(command.code())) {
            throw MesProblemException.conflict("Item '" + command.code() + "' already exists");
        }
        return aggregates.insert(Item.create(
                command.code(),
                command.description(),
                command.type(),
                command.unit(),
                command.productFamily(),
                clock.instant()));
    }

    @Transactional
    Item update(String code, ItemChange change) {
        Item item = find(code);
        Versions.check("Item '" + code + "'", change.version(), item.version());
        return aggregates.update(item.update(
                change.description(), change.type(), change.unit(), change.productFamily(), clock.instant()));
    }

    Item find(String code) {
        return items.findByCode(code).orElseThrow(() -> MesProblemException.notFound("Item", code));
    }

    /** Registers a new item. */
    record NewItem(
            @NotBlank @Size(max = 40) @Pattern(regexp = CODE_PATTERN, message = CODE_MESSAGE)
            String code,

            @NotBlank @Size(max = 200) String description,
            @NotNull ItemType type,
            @NotBlank @Size(max = 10) String unit,
            @Size(max = 60) String productFamily) {}

    /** Changes an item; {@code version} (optional) is the one the client read. */
    record ItemChange(
            @NotBlank @Size(max = 200) String description,
            @NotNull ItemType type,
            @NotBlank @Size(max = 10) String unit,
            @Size(max = 60) String productFamily,
            Integer version) {}
}
