/** Test support shared by every service's tests: real databases and an HTTP client. */
@NullMarked
package org.cinemates.platform.test;

import org.jspecify.annotations.NullMarked;
