package com.renar.mes.masterdata;

/** What an item is in the plant's flow of material. */
public enum ItemType {
    RAW_MATERIAL,
    COMPONENT,
    WIP,
    FINISHED_GOOD
}
