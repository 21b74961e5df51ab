package com.renar.mes.execution;

/**
 * Who did it: the operator the record is booked to, and the account that sent it. They differ when a station
 * account (a shared terminal, a machine gateway) reports on behalf of the badge it names.
 */
record Actor(String operator, String recordedBy) {}
