@NullMarked
package org.cinemates.platform.http;

import org.jspecify.annotations.NullMarked;
