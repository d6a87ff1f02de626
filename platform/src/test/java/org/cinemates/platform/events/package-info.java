@NullMarked
package org.cinemates.platform.events;

import org.jspecify.annotations.NullMarked;
