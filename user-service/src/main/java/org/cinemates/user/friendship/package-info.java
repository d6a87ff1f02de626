@NullMarked
package org.cinemates.user.friendship;

import org.jspecify.annotations.NullMarked;
