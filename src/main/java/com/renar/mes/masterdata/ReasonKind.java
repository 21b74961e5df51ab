package com.renar.mes.masterdata;

/** What a reason code explains: a loss of material (scrap, rework) or of time (downtime). */
public enum ReasonKind {
    SCRAP,
    REWORK,
    DOWNTIME_PLANNED,
    DOWNTIME_UNPLANNED
}
