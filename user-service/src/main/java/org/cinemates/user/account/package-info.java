@NullMarked
package org.cinemates.user.account;

import org.jspecify.annotations.NullMarked;
