package org.cinemates.activity.feed;

import org.cinemates.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A member asked for the activity of someone who is not their friend. */
public class NotAFriend extends ProblemException {

    public NotAFriend(long userId) {
        super(
                HttpStatus.FORBIDDEN,
                "not-a-friend",
                "Not a friend",
                "Only your own activity and your friends' can be seen; user " + userId + " is not your friend");
    }
}
