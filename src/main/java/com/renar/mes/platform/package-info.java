/**
 * Platform: what every module runs on but no module owns. Database start-up (embedded PostgreSQL by default),
 * security (JWT resource server, token issuing), RFC 9457 problem answers, request logging, rate limiting,
 * metrics, health and OpenAPI. It owns no business state and depends on no business module.
 */
@ApplicationModule(displayName = "Platform")
package com.renar.mes.platform;

import org.springframework.modulith.ApplicationModule;
