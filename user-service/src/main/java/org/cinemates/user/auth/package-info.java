@NullMarked
package org.cinemates.user.auth;

import org.jspecify.annotations.NullMarked;
