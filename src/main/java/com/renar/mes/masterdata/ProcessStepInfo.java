package com.renar.mes.masterdata;

/** One of the plant's processes (Optimizer .. Packaging), in the order material flows through them. */
public record ProcessStepInfo(long id, String code, String name, int sequence) {}
