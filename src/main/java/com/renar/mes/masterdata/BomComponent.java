package com.renar.mes.masterdata;

import java.math.BigDecimal;

/** One line of a bill of materials: how much of a component goes into one unit of the parent. */
public record BomComponent(
        long itemId, String itemCode, String description, ItemType type, String unit, BigDecimal quantityPer) {}
