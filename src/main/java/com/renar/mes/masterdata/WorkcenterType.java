package com.renar.mes.masterdata;

/** What kind of equipment or station a workcenter is. */
public enum WorkcenterType {
    OPTIMIZER,
    PRE_CUT,
    CNC,
    FINISHING,
    ASSEMBLY,
    PAINTING,
    PACKAGING,
    PRESS,
    CALIBRATOR,
    BRUSH
}
