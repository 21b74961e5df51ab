package com.renar.mes.masterdata;

/** An item of the catalogue, as other modules see it. */
public record ItemInfo(long id, String code, String description, ItemType type, String unit, String productFamily) {}
