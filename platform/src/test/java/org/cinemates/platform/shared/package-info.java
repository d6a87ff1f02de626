@NullMarked
package org.cinemates.platform.shared;

import org.jspecify.annotations.NullMarked;
