@NullMarked
package org.cinemates.platform.outbox;

import org.jspecify.annotations.NullMarked;
