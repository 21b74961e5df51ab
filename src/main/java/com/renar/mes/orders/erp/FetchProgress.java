package com.renar.mes.orders.erp;

import java.util.OptionalInt;

/**
 * How far a fetch has come, reported after every page.
 *
 * @param pagesFetched pages read so far
 * @param totalPages pages the ERP announced, when known
 * @param records raw records read so far
 * @param rejected records rejected so far
 */
public record FetchProgress(int pagesFetched, OptionalInt totalPages, long records, long rejected) {}
