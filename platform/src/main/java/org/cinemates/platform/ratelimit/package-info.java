@NullMarked
package org.cinemates.platform.ratelimit;

import org.jspecify.annotations.NullMarked;
