@NullMarked
package org.cinemates.platform.docs;

import org.jspecify.annotations.NullMarked;
