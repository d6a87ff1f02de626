@NullMarked
package org.cinemates.platform.security;

import org.jspecify.annotations.NullMarked;
