/**
 * The web plumbing every module's controllers rely on: request ids, RFC 9457 problem answers. {@link
 * com.renar.mes.platform.web.Problems} is part of the platform's API (a module that must answer a problem outside
 * an exception, like the scan path storing a rejection, builds it there).
 */
@NamedInterface("web")
package com.renar.mes.platform.web;

import org.springframework.modulith.NamedInterface;
