package com.renar.mes.masterdata;

import com.renar.mes.masterdata.ItemManagement.ItemChange;
import com.renar.mes.masterdata.ItemManagement.NewItem;
import com.renar.mes.shared.PageQuery;
import com.renar.mes.shared.PageResponse;
import com.renar.mes.shared.Role;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/masterdata/items")
class ItemController {

    private final ItemRepository items;
    private final ItemManagement management;

    ItemController(ItemRepository items, ItemManagement management) {
        this.items = items;
        this.management = management;
    }

    @GetMapping
    PageResponse<ItemView> list(@Valid PageQuery query) {
        return PageResponse.of(
                items.findAll(PageRequest.of(query.page(), query.size(), Sort.by("code"))), ItemView::of);
    }

    @GetMapping("/{code}")
    ItemView get(@PathVariable String code) {
        return ItemView.of(management.find(code));
    }

    @PostMapping
    @PreAuthorize(Role.Expressions.PLANNING)
    ResponseEntity<ItemView> create(@Valid @RequestBody NewItem request) {
        Item saved = management.create(request);
        return ResponseEntity.created(URI.create("/api/v1/masterdata/items/" + saved.code()))
                .body(ItemView.of(saved));
    }

    @PutMapping("/{code}")
    @PreAuthorize(Role.Expressions.PLANNING)
    ItemView update(@PathVariable String code, @Valid @RequestBody ItemChange request) {
        return ItemView.of(management.update(code, request));
    }

    record ItemView(String code, String description, ItemType type, String unit, String productFamily, int version) {
        static ItemView of(Item item) {
            return new ItemView(
                    item.code(), item.description(), item.type(), item.unit(), item.productFamily(), item.version());
        }
    }
}
