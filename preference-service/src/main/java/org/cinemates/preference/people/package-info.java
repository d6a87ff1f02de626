/** Members as user-service knows them: whose friends they are, and how they are named. */
@NullMarked
package org.cinemates.preference.people;

import org.jspecify.annotations.NullMarked;
