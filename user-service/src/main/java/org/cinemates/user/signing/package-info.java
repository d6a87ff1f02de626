@NullMarked
package org.cinemates.user.signing;

import org.jspecify.annotations.NullMarked;
