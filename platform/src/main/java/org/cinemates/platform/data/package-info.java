@NullMarked
package org.cinemates.platform.data;

import org.jspecify.annotations.NullMarked;
