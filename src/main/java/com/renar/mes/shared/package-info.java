/**
 * The shared kernel: the few types every module may use (roles, problem types, exact quantities). Kept tiny
 * and free of business state.
 */
@ApplicationModule(displayName = "Shared kernel", type = ApplicationModule.Type.OPEN)
package com.renar.mes.shared;

import org.springframework.modulith.ApplicationModule;
