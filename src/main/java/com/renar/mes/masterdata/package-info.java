/**
 * Master data: items, bills of materials, process steps, workcenters, routings, reason codes, shift patterns and
 * the people who log in. Read by every role, written by PCP and MANAGER. Other modules read it through the
 * public types of this package.
 */
@ApplicationModule(displayName = "Master data")
package com.renar.mes.masterdata;

import org.springframework.modulith.ApplicationModule;
