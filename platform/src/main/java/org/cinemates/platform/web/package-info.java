@NullMarked
package org.cinemates.platform.web;

import org.jspecify.annotations.NullMarked;
