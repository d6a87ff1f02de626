@NullMarked
package org.cinemates.platform.text;

import org.jspecify.annotations.NullMarked;
