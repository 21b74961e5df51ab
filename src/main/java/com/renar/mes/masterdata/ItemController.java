package com.renar.mes.masterdata;

import com.renar.mes.shared.MesProblemException;
import com.renar.mes.shared.PageQuery;
import com.renar.mes.shared.PageResponse;
import com.renar.mes.shared.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/masterdata/items")
@Validated
class ItemController {

    private final ItemRepository items;
    private final Clock clock;

    ItemController(ItemRepository items, Clock clock) {
        this.items = items;
        this.clock = clock;
    }

    @GetMapping
    PageResponse<ItemView> list(@Valid PageQuery query) {
        return PageResponse.of(
                items.findAll(PageRequest.of(query.page(), query.size(), Sort.by("code"))), ItemView::of);
    }

    @GetMapping("/{code}")
    ItemView get(@PathVariable String code) {
        return ItemView.of(find(code));
    }

    @PostMapping
    @PreAuthorize(Role.Expressions.PLANNING)
    @Transactional
    ResponseEntity<ItemView> create(@Valid @RequestBody ItemRequest request) {
        if (items.existsByCode(request.code())) {
            throw MesProblemException.conflict("Item '" + request.code() + "' already exists");
        }
        Item saved = items.save(Item.create(
                request.code(),
                request.description(),
                request.type(),
                request.unit(),
                request.productFamily(),
                clock.instant()));
        return ResponseEntity.created(URI.create("/api/v1/masterdata/items/" + saved.code()))
                .body(ItemView.of(saved));
    }

    @PutMapping("/{code}")
    @PreAuthorize(Role.Expressions.PLANNING)
    @Transactional
    ItemView update(@PathVariable String code, @Valid @RequestBody ItemUpdate request) {
        Item item = find(code);
        return ItemView.of(items.save(item.update(
                request.description(), request.type(), request.unit(), request.productFamily(), clock.instant())));
    }

    private Item find(String code) {
        return items.findByCode(code).orElseThrow(() -> MesProblemException.notFound("Item", code));
    }

    record ItemRequest(
            @NotBlank
            @Size(max = 40)
            @Pattern(regexp = "[A-Za-z0-9._/-]+", message = "letters, digits and . _ / - only")
            String code,

            @NotBlank @Size(max = 200) String description,
            @NotNull ItemType type,
            @NotBlank @Size(max = 10) String unit,
            @Size(max = 60) String productFamily) {}

    record ItemUpdate(
            @NotBlank @Size(max = 200) String description,
            @NotNull ItemType type,
            @NotBlank @Size(max = 10) String unit,
            @Size(max = 60) String productFamily) {}

    record ItemView(String code, String description, ItemType type, String unit, String productFamily, int version) {
        static ItemView of(Item item) {
            return new ItemView(
                    item.code(), item.description(), item.type(), item.unit(), item.productFamily(), item.version());
        }
    }
}
