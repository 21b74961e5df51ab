package com.renar.mes.masterdata;

/** A machine, line or station. A disabled workcenter must not be given work. */
public record WorkcenterInfo(
        long id, String code, String name, WorkcenterType type, String department, boolean enabled, int capacity) {}
