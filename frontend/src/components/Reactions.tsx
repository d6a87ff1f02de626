import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../api/client';
import { social, type Comment } from '../api/social';
import type { Activity } from '../api/types';
import { formatDate, personName, plural, relativeTime } from '../format';
import { ErrorMessage } from './Feedback';

export const COMMENT_LIMIT = 2000;

/** Whether people may like and comment on this kind of activity. */
export function reactable(activity: Activity): boolean {
  return activity.likeCount !== undefined && ['RATED', 'REVIEWED', 'LOGGED', 'LISTED'].includes(String(activity.type));
}

/**
 * A like button and the comments of one activity. The like shows at once and is taken back if
 * the server refuses; comments open on demand. Their author and the activity's owner may delete them.
 */
export function Reactions({ activity, meId }: { activity: Activity; meId?: number }) {
  const [liked, setLiked] = useState(Boolean(activity.likedByMe));
  const [likes, setLikes] = useState(activity.likeCount ?? 0);
  const [commentCount, setCommentCount] = useState(activity.commentCount ?? 0);
  const [open, setOpen] = useState(false);
  const [comments, setComments] = useState<Comment[] | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const panelId = useId();
  const fieldId = useId();
  const own = meId !== undefined && activity.actor.id === meId;

  async function toggleLike() {
    const next = !liked;
    setLiked(next);
    setLikes((n) => n + (next ? 1 : -1));
    setError(null);
    try {
      if (next) await social.like(activity.id);
      else await social.unlike(activity.id);
    } catch (e) {
      setLiked(!next);
      setLikes((n) => n + (next ? -1 : 1));
      setError(e);
    }
  }

  async function toggleComments() {
    const next = !open;
    setOpen(next);
    if (next && comments === null) {
      try {
        const answer = await social.comments(activity.id);
        setComments(answer.items);
        setCommentCount(answer.items.length);
      } catch (e) {
        setError(e);
      }
    }
  }

  async function send(event: FormEvent) {
    event.preventDefault();
    const body = text.trim();
    if (!body) {
      setError(new ApiError(400, 'Write something first.'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const created = await social.comment(activity.id, body);
      setComments((list) => [...(list ?? []), created]);
      setCommentCount((n) => n + 1);
      setText('');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function remove(comment: Comment) {
    setError(null);
    try {
      await social.deleteComment(comment.id);
      setComments((list) => (list ?? []).filter((c) => c.id !== comment.id));
      setCommentCount((n) => Math.max(0, n - 1));
    } catch (e) {
      setError(e);
    }
  }

  const who = personName(activity.actor);
  return (
    <div className="reactions">
      <div className="reactions-bar">
        <button
          type="button"
          className={`reaction-button ${liked ? 'is-on' : ''}`}
          aria-pressed={liked}
          onClick={() => void toggleLike()}
          disabled={own}
          title={own ? 'Your own activity' : undefined}
        >
          <span aria-hidden="true">{liked ? '♥' : '♡'}</span> Like
          <span className="reaction-count">
            {' '}
            <span className="sr-only">(</span>
            {plural(likes, 'like')}
            <span className="sr-only">)</span>
          </span>
        </button>
        <button type="button" className="reaction-button" aria-expanded={open} aria-controls={panelId} onClick={() => void toggleComments()}>
          {plural(commentCount, 'comment')}
        </button>
      </div>
      <ErrorMessage error={error} />
      {open && (
        <div id={panelId} className="comments">
          {comments === null ? (
            <p className="muted">Loading comments…</p>
          ) : (
            <ul className="comment-list" aria-label={`Comments on ${who}’s activity`}>
              {comments.map((c) => (
                <li key={c.id} className="comment">
                  <p className="comment-head">
                    <Link to={meId === c.author.id ? '/profile' : `/members/${c.author.id}`}>
                      {meId === c.author.id ? 'You' : personName(c.author)}
                    </Link>{' '}
                    <time dateTime={c.createdAt} title={formatDate(c.createdAt)}>
                      {relativeTime(c.createdAt)}
                    </time>
                  </p>
                  <p className="comment-text">{c.text}</p>
                  {(c.author.id === meId || own) && (
                    <button type="button" className="button-link" aria-label="Delete this comment" onClick={() => void remove(c)}>
                      Delete
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
          <form className="comment-form" onSubmit={send}>
            <label htmlFor={fieldId} className="sr-only">
              Your comment
            </label>
            <textarea
              id={fieldId}
              value={text}
              rows={2}
              maxLength={COMMENT_LIMIT}
              placeholder="Add a comment"
              onChange={(e) => setText(e.target.value)}
            />
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? 'Posting…' : 'Post comment'}
            </button>
          </form>
        </div>
      )}
    </div>
  );
}
