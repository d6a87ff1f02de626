@NullMarked
package org.cinemates.platform.config;

import org.jspecify.annotations.NullMarked;
