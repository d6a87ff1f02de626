// The shapes of the public HTTP contract (API.md), as the web app reads them. Fields a degraded answer may
// leave out are optional here so that every page copes with them.

export interface Movie {
  id: number;
  title: string;
  year?: number | null;
  genres?: string[];
  imdbId?: string | null;
  imdbTitleId?: string | null;
  tmdbId?: string | number | null;
}

export interface Paged<T> {
  items: T[];
  page: number;
  size: number;
  total: number;
}

export interface Genre {
  name: string;
  count: number;
}

/** Who someone is, as activities and summaries name them. */
export interface UserRef {
  id: number;
  username: string;
  displayName?: string | null;
}

export interface PublicProfile extends UserRef {
  bio?: string | null;
}

export interface Me extends PublicProfile {
  email: string;
  createdAt: string;
  visibility?: 'PUBLIC' | 'FRIENDS' | 'PRIVATE';
}

/** One of my sessions (a login somewhere); `current` is the one this page uses. */
export interface AccountSession {
  id: string;
  createdAt: string;
  lastUsedAt: string;
  userAgent: string;
  current: boolean;
}

export type FriendRequestStatus = 'PENDING' | 'ACCEPTED' | 'DECLINED' | 'CANCELLED' | string;

export interface FriendRequest {
  id: number;
  fromUser: PublicProfile;
  toUser: PublicProfile;
  status: FriendRequestStatus;
  createdAt: string;
}

/** Any preferences or activities answer may say which dependencies it had to do without. */
export interface MaybeDegraded {
  degraded?: string[];
}

export type ActivityType = 'RATED' | 'REVIEWED' | 'WATCHLISTED' | 'BEFRIENDED' | 'JOINED' | 'LOGGED' | string;

export interface Activity {
  id: number | string;
  type: ActivityType;
  actor: UserRef;
  movieId?: number | null;
  score?: number | null;
  review?: string | null;
  friend?: UserRef | null;
  createdAt: string;
  /** Present on the home page's friendActivity. */
  movie?: Movie | null;
  likeCount?: number;
  commentCount?: number;
  likedByMe?: boolean;
}

export interface Feed extends MaybeDegraded {
  items: Activity[];
  nextCursor?: string | null;
}

export interface Recommendation {
  movie: Movie;
  score?: number;
  reasons?: string[];
}

export interface Home extends MaybeDegraded {
  recommendations: Recommendation[];
  friendActivity: Activity[];
}

export interface Recommendations extends MaybeDegraded {
  items: Recommendation[];
}

export interface RatingSummary extends MaybeDegraded {
  movieId: number;
  average?: number | null;
  count: number;
  myScore?: number | null;
  myReview?: string | null;
  friends: { user: UserRef; score: number }[];
  /** The community data imported with the catalogue (MovieLens raters, not members). */
  community?: { count: number; average: number } | null;
}

export interface SavedRating {
  movieId: number;
  score: number;
  review?: string | null;
  ratedAt: string;
}

export interface RatedMovie {
  movie: Movie;
  score: number;
  review?: string | null;
  ratedAt: string;
}

export interface RatingsPage extends Paged<RatedMovie>, MaybeDegraded {}

export interface WatchlistItem {
  movie: Movie;
  addedAt: string;
}

export interface Watchlist extends MaybeDegraded {
  items: WatchlistItem[];
  page?: number;
  size?: number;
  total?: number;
}

/** One viewing in my diary. `watchedOn` is an ISO date (no time). */
export interface DiaryEntry {
  id: number;
  movie: Movie;
  watchedOn: string;
  score?: number | null;
  review?: string | null;
  rewatch: boolean;
  tags: string[];
  liked: boolean;
  createdAt: string;
}

/** What a viewing is made of, as I log or change it. */
export interface Viewing {
  watchedOn: string;
  score: number | null;
  review: string | null;
  rewatch: boolean;
  tags: string[];
  liked: boolean;
}

export interface DiaryPage extends Paged<DiaryEntry>, MaybeDegraded {}

/** My year in films, from the diary. */
export interface YearStats {
  year: number;
  films: number;
  viewings: number;
  rewatches: number;
  averageScore?: number | null;
  scoreHistogram: { score: number; count: number }[];
  byMonth: { month: number; viewings: number }[];
  topGenres: { genre: string; count: number }[];
  topRated: Movie[];
}

export type ImportState = 'ANALYSING' | 'PREVIEW' | 'APPLYING' | 'DONE' | 'FAILED' | 'UNDONE';

export interface ImportCounts {
  rows: number;
  matched: number;
  ambiguous: number;
  unmatched: number;
  duplicates: number;
  invalid?: number;
  /** Lists applying would make. */
  lists?: number;
}

/** A row the member should look at: AMBIGUOUS (choose among candidates) or UNMATCHED. */
export interface ImportReviewRow {
  row: number;
  where: string;
  status: 'AMBIGUOUS' | 'UNMATCHED' | string;
  title?: string | null;
  year?: number | null;
  kind: string;
  candidates: Movie[];
  /** For a movie on a list: the list's name. */
  list?: string | null;
}

/** A list the imported file holds: how many movies it names, and how many were found. */
export interface ImportList {
  name: string;
  movies: number;
  matched: number;
}

export interface HistoryImport {
  id: number;
  source: string;
  fileName: string;
  state: ImportState;
  counts: ImportCounts;
  /** Rows matched so far while the import is analysed, of all its rows. */
  progress?: { done: number; total: number } | null;
  skipped: string[];
  message?: string | null;
  startedAt: string;
  review?: ImportReviewRow[] | null;
  invalid?: { row: number; where: string; problem?: string | null }[] | null;
  lists?: ImportList[] | null;
}

export interface ProblemField {
  field: string;
  message: string;
}

/** RFC 9457 problem details, as every service and nginx answer errors. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: ProblemField[];
}
