/**
 * Authentication: exchanges a username (or badge number) and password for a signed access token. Accounts live
 * in master data; tokens are made by the platform.
 */
@ApplicationModule(displayName = "Authentication")
package com.renar.mes.auth;

import org.springframework.modulith.ApplicationModule;
