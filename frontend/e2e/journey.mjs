// The browser journey: two people use Cinemates through nginx in Debian's chromium.
//
//   CINEMATES_BASE_URL=http://127.0.0.1:8080 npm run e2e
//
// Environment: CINEMATES_BASE_URL (default http://127.0.0.1:8080), CHROMIUM (default
// /usr/bin/chromium), CINEMATES_SCREENSHOTS (default e2e-screenshots), CINEMATES_E2E_TIMEOUT
// (seconds, default 300). Exits 0 when every step passed, 1 with a message naming the step
// that failed otherwise. Every page is photographed at desktop (1280) and phone (390) width
// and checked with axe-core; serious or critical violations fail the run.

import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import axe from 'axe-core';
import { chromium } from 'playwright-core';

const BASE = (process.env.CINEMATES_BASE_URL ?? 'http://127.0.0.1:8080').replace(/\/+$/, '');
const SHOTS = process.env.CINEMATES_SCREENSHOTS ?? 'e2e-screenshots';
const EXECUTABLE = process.env.CHROMIUM ?? '/usr/bin/chromium';
const TOTAL_SECONDS = Number(process.env.CINEMATES_E2E_TIMEOUT ?? 300);
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const PASSWORD = 'popcorn-Balcony-2718';
const STEP_TIMEOUT = 15_000;

const started = Date.now();
const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`.slice(-8);
const people = {
  a: { username: `ann_${stamp}`, displayName: `Ann ${stamp}`, email: `ann_${stamp}@example.org` },
  b: { username: `bob_${stamp}`, displayName: `Bob ${stamp}`, email: `bob_${stamp}@example.org` },
};

let currentStep = 'starting';
let shotNumber = 0;
const shots = [];
const a11yProblems = [];
const pageProblems = [];
// playwright-core's launch() starts chromium with a new, empty temporary user-data-dir (and
// removes it on close): no profile, cache or cookies carry over between runs.
let browser;

function log(message) {
  const seconds = ((Date.now() - started) / 1000).toFixed(1).padStart(5);
  console.log(`[${seconds}s] ${message}`);
}

async function step(name, action) {
  currentStep = name;
  log(name);
  await action();
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

const watchdog = setTimeout(() => {
  console.error(`\nJOURNEY FAILED: it took longer than ${TOTAL_SECONDS} s (stuck in step "${currentStep}").`);
  cleanup().finally(() => process.exit(1));
}, TOTAL_SECONDS * 1000);

async function cleanup() {
  clearTimeout(watchdog);
  try {
    await browser?.close();
  } catch {
    // already gone
  }
}

/** Watches a page for uncaught errors and CSP refusals, which fail the journey. */
function watch(page, who) {
  page.on('pageerror', (error) => pageProblems.push(`${who}: uncaught error on ${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(text)) {
      pageProblems.push(`${who}: ${text}`);
    }
  });
}

async function runAxe(page, label) {
  const defined = await page.evaluate(() => typeof window.axe !== 'undefined');
  // evaluate() is not subject to the page's CSP (script-src 'self'), unlike an injected <script>.
  if (!defined) await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  });
  for (const v of violations) {
    const line = `${label}: [${v.impact}] ${v.id} — ${v.help} — ${v.targets.join(' | ')}`;
    if (v.impact === 'serious' || v.impact === 'critical') a11yProblems.push(line);
    else log(`  axe (${v.impact}, not failing): ${line}`);
  }
}

/** A full-page screenshot at desktop and at phone width, each checked with axe-core. */
async function snapshot(page, name) {
  shotNumber += 1;
  const prefix = `${String(shotNumber).padStart(2, '0')}-${name}`;
  await settle(page);
  // From the top, so the sticky header is where a visitor sees it.
  await page.evaluate(() => window.scrollTo(0, 0));
  for (const [size, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ]) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(150);
    const file = join(SHOTS, `${prefix}-${size}.png`);
    await page.screenshot({ path: file, fullPage: true });
    shots.push(file);
    await runAxe(page, `${prefix}-${size}`);
  }
  await page.setViewportSize(DESKTOP);
}

/** Waits until no "Loading…" status is on screen and the app's requests have finished. */
async function settle(page) {
  await page.waitForFunction(() => !document.querySelector('.loading'), null, { timeout: STEP_TIMEOUT });
  // Reloads after a write keep the old content on screen; give them a moment to land.
  await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
}

async function heading(page, name) {
  await page.getByRole('heading', { level: 1, name }).waitFor({ timeout: STEP_TIMEOUT });
}

async function signUp(page, person) {
  await page.goto(`${BASE}/signup`);
  await heading(page, 'Create your account');
  await page.getByLabel('Username').fill(person.username);
  await page.getByLabel('Display name (optional)').fill(person.displayName);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await heading(page, `Hello, ${person.displayName}`);
}

/** Chooses a score with the keyboard, as a keyboard user would: focus a star, arrow to the value. */
async function rateWithKeyboard(page, score) {
  const below = score - 0.5;
  const start = page.getByRole('radio', { name: below === 1 ? '1 star' : `${below} stars` });
  await start.focus();
  await page.keyboard.press('ArrowRight');
  const target = page.getByRole('radio', { name: `${score} stars` });
  expect(await target.isChecked(), `the ${score} stars radio should be checked after ArrowRight`);
}

/** Clicks the star (or half star) drawn for the score, as a person with a mouse would. */
async function clickStar(page, score) {
  await page.locator(`label[for="${await page.getByRole('radio', { name: score === 1 ? '1 star' : `${score} stars` }).getAttribute('id')}"]`).click();
  const target = page.getByRole('radio', { name: score === 1 ? '1 star' : `${score} stars` });
  expect(await target.isChecked(), `the ${score} stars radio should be checked after a click on its star`);
}

async function openFirstResult(page) {
  const first = page.getByRole('list', { name: 'Search results' }).locator('.movie-card-title a').first();
  await first.waitFor({ timeout: STEP_TIMEOUT });
  const title = (await first.textContent())?.trim();
  await first.click();
  await heading(page, title);
  const id = Number(new URL(page.url()).pathname.split('/').pop());
  return { title, id };
}

async function main() {
  mkdirSync(SHOTS, { recursive: true });
  log(`base ${BASE}, screenshots in ${SHOTS}, people ${people.a.username} and ${people.b.username}`);

  browser = await chromium.launch({
    executablePath: EXECUTABLE,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // Two people, two cookie jars.
  const ctxA = await browser.newContext({ viewport: DESKTOP, locale: 'en-GB' });
  const ctxB = await browser.newContext({ viewport: DESKTOP, locale: 'en-GB' });
  ctxA.setDefaultTimeout(STEP_TIMEOUT);
  ctxB.setDefaultTimeout(STEP_TIMEOUT);
  const a = await ctxA.newPage();
  const b = await ctxB.newPage();
  watch(a, 'A');
  watch(b, 'B');

  await step('a first visit, signed out, makes no request that fails', async () => {
    const failures = [];
    const onResponse = (response) => {
      if (response.status() >= 400) failures.push(`${response.status()} ${response.request().method()} ${response.url()}`);
    };
    const onFailed = (request) => failures.push(`failed ${request.method()} ${request.url()}`);
    const onConsole = (message) => {
      if (message.type() === 'error') failures.push(`console: ${message.text()}`);
    };
    a.on('response', onResponse);
    a.on('requestfailed', onFailed);
    a.on('console', onConsole);
    await a.goto(`${BASE}/`);
    await heading(a, 'Sign in');
    await settle(a);
    a.off('response', onResponse);
    a.off('requestfailed', onFailed);
    a.off('console', onConsole);
    expect(failures.length === 0, `a signed-out first visit logged: ${failures.join('; ')}`);
  });

  await step('the sign-up page answers', async () => {
    const response = await a.goto(`${BASE}/signup`);
    expect(response && response.ok(), `GET /signup answered ${response?.status()} — is the web app built and served?`);
    await heading(a, 'Create your account');
    await snapshot(a, 'sign-up');
  });

  await step('A and B sign up', async () => {
    await signUp(a, people.a);
    await snapshot(a, 'home-new-member');
    await signUp(b, people.b);
  });

  let bId;
  await step('A finds B and sends a friend request', async () => {
    await a.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Friends' }).click();
    await heading(a, 'Friends');
    await a.getByLabel('Name or username').fill(people.b.username);
    await a.getByRole('search', { name: 'People' }).getByRole('button', { name: 'Search' }).click();
    const found = a.getByRole('list', { name: 'People found' });
    const bLink = found.getByRole('link', { name: people.b.displayName });
    await bLink.waitFor();
    bId = Number((await bLink.getAttribute('href')).split('/').pop());
    await found.getByRole('button', { name: `Add friend ${people.b.displayName}` }).click();
    await a.getByText(`Friend request sent to ${people.b.displayName}.`).waitFor();
    await snapshot(a, 'friends-request-sent');
  });

  await step('B accepts the request', async () => {
    await b.goto(`${BASE}/friends`);
    await heading(b, 'Friends');
    const accept = b.getByRole('button', { name: `Accept ${people.a.displayName}’s request` }).first();
    await accept.waitFor();
    await snapshot(b, 'friends-incoming-request');
    await accept.click();
    await b.getByText(`You and ${people.a.displayName} are now friends.`).waitFor();
    await b.getByRole('list', { name: 'Your friends' }).getByRole('link', { name: people.a.displayName }).waitFor();
  });

  let bMovie;
  await step('B finds a movie and rates it 4.5 stars with a review', async () => {
    await b.goto(`${BASE}/movies?q=${encodeURIComponent('toy story')}`);
    await heading(b, 'Browse movies');
    await settle(b);
    if ((await b.getByRole('list', { name: 'Search results' }).count()) === 0) {
      await b.goto(`${BASE}/movies`);
      await settle(b);
    }
    bMovie = await openFirstResult(b);
    await settle(b);
    // Arrow keys: saved once the keys stop, without a button.
    await rateWithKeyboard(b, 4.5);
    await b.getByText('Saved your rating: 4.5 stars.').waitFor();
    await b.getByLabel('Review (optional)').fill(`Watched it again with ${people.a.displayName}. Still wonderful.`);
    await b.getByRole('button', { name: 'Save review' }).click();
    await b.getByText('Saved your review.').waitFor();
    await b.getByRole('button', { name: 'Update review' }).waitFor();
    await snapshot(b, 'movie-rated-by-b');
  });

  await step(`A sees B's rating of "${bMovie.title}" in the friends' activity (within 15 s)`, async () => {
    const deadline = Date.now() + 15_000;
    // One item names B, the movie and shows 4.5 stars (a review may also appear as its own item).
    const activity = a
      .getByRole('list', { name: 'Friends’ recent activity' })
      .getByRole('listitem')
      .filter({ hasText: people.b.displayName })
      .filter({ hasText: bMovie.title })
      .filter({ has: a.getByRole('img', { name: '4.5 out of 5 stars' }) });
    for (;;) {
      await a.goto(`${BASE}/`);
      await heading(a, `Hello, ${people.a.displayName}`);
      await settle(a);
      if ((await activity.count()) > 0) break;
      if (Date.now() > deadline) throw new Error(`B's rating of "${bMovie.title}" did not appear on A's home page within 15 s`);
      await a.waitForTimeout(1000);
    }
  });

  await step("A likes B's rating and comments on it", async () => {
    const item = a
      .getByRole('list', { name: 'Friends’ recent activity' })
      .getByRole('listitem')
      .filter({ hasText: people.b.displayName })
      .filter({ hasText: bMovie.title })
      .first();
    const like = item.getByRole('button', { name: /Like/ });
    await like.click();
    await a.waitForFunction((el) => el?.getAttribute('aria-pressed') === 'true', await like.elementHandle());
    await item.getByRole('button', { name: /comments?$/ }).click();
    await item.getByLabel('Your comment').fill('We should watch it together next time.');
    await item.getByRole('button', { name: 'Post comment' }).click();
    await item.getByText('We should watch it together next time.').waitFor();
    await settle(a);
    await snapshot(a, 'friend-activity-liked-and-commented');
  });

  await step('B is notified of the like and the comment (within 15 s)', async () => {
    const deadline = Date.now() + 15_000;
    const link = b.getByRole('link', { name: /^Notifications \d+ unread$/ });
    for (;;) {
      await b.goto(`${BASE}/notifications`);
      await heading(b, 'Notifications');
      await settle(b);
      const list = b.getByRole('list', { name: 'Your notifications' });
      if ((await list.count()) > 0) {
        const text = await list.textContent();
        if (text.includes('liked your activity') && text.includes('We should watch it together next time.')) break;
      }
      if (Date.now() > deadline) throw new Error("the like and the comment did not reach B's notifications within 15 s");
      await b.waitForTimeout(1000);
    }
    await link.waitFor();
    await snapshot(b, 'notifications');
    await b.getByRole('button', { name: 'Mark all as read' }).click();
    await b.getByText('Everything is marked as read.').waitFor();
    await b.getByRole('link', { name: 'Notifications', exact: true }).waitFor();
  });

  await step('A gets recommendations, each with a reason', async () => {
    const cards = a.getByRole('list', { name: 'Recommended movies' }).locator(':scope > [role="listitem"]');
    const deadline = Date.now() + 15_000;
    while ((await cards.count()) === 0) {
      if (Date.now() > deadline) throw new Error('A had no recommendations on the home page within 15 s');
      await a.waitForTimeout(1000);
      await a.reload();
      await settle(a);
    }
    const first = cards.first();
    const reasons = await first.getByRole('list', { name: 'Why we recommend it' }).getByRole('listitem').allTextContents();
    log(`  ${await cards.count()} recommendations; first: ${(await first.locator('.movie-card-title').textContent())?.trim()} (${reasons.join('; ') || 'no reason given'})`);
    await snapshot(a, 'home-with-friend-activity');
  });

  let genre;
  let aMovie;
  await step('A searches with a genre filter', async () => {
    await a.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Browse' }).click();
    await heading(a, 'Browse movies');
    const select = a.getByLabel('Genre');
    await select.locator('option').nth(1).waitFor({ state: 'attached' });
    const options = await select.locator('option').evaluateAll((els) => els.map((e) => e.value).filter(Boolean));
    genre = options.includes('Comedy') ? 'Comedy' : options[0];
    await select.selectOption(genre);
    await a.getByLabel('Sort by').selectOption('popularity');
    await a.getByRole('search', { name: 'Filter the catalogue' }).getByRole('button', { name: 'Search' }).click();
    await a.waitForURL((url) => url.searchParams.get('genre') === genre);
    await settle(a);
    // The filtered results replace what was on screen once they arrive: wait for them (the checks
    // below say what is wrong if they never do).
    await a
      .waitForFunction(
        (g) => {
          const metas = [...document.querySelectorAll('[role="list"][aria-label="Search results"] .movie-card-meta')];
          return metas.length > 0 && metas.every((m) => (m.textContent ?? '').includes(g));
        },
        genre,
        { timeout: STEP_TIMEOUT },
      )
      .catch(() => {});
    const metas = await a.getByRole('list', { name: 'Search results' }).locator('.movie-card-meta').allTextContents();
    expect(metas.length > 0, `no movies in genre ${genre}`);
    const wrong = metas.filter((m) => !m.includes(genre));
    expect(wrong.length === 0, `results outside ${genre}: ${wrong.slice(0, 3).join('; ')}`);
    await snapshot(a, 'browse-genre-filter');
  });

  await step('A finds a movie from the header search box, by keyboard', async () => {
    const box = a.getByRole('combobox', { name: 'Search movies' });
    await box.fill('toy');
    const options = a.getByRole('listbox', { name: 'Suggested movies' }).getByRole('option');
    await options.first().waitFor();
    expect((await box.getAttribute('aria-expanded')) === 'true', 'the combobox should say it is expanded');
    const first = (await options.first().locator('.header-search-title').textContent())?.trim();
    await snapshot(a, 'header-search-suggestions');
    await box.press('ArrowDown');
    expect((await options.first().getAttribute('aria-selected')) === 'true', 'ArrowDown should choose the first suggestion');
    await box.press('Enter');
    await heading(a, first);
    await a.goBack();
    await heading(a, 'Browse movies');
  });

  await step('A opens a movie page, rates it and saves it to the watchlist', async () => {
    aMovie = await openFirstResult(a);
    await settle(a);
    await a.getByRole('heading', { name: 'Similar movies' }).waitFor();
    await a.getByRole('heading', { name: 'Friends’ scores' }).waitFor();
    // One click on the fourth star saves the rating: there is no Save button for the score.
    await clickStar(a, 4);
    await a.getByText('Saved your rating: 4 stars.').waitFor();
    await a.getByRole('heading', { name: 'Your rating' }).waitFor();
    await a.getByRole('button', { name: 'Add to watchlist' }).click();
    await a.getByText('Added to your watchlist.').waitFor();
    await a.getByRole('button', { name: 'Remove from watchlist' }).waitFor();
    await snapshot(a, 'movie-page');
  });

  await step("A sees B's score among friends' scores", async () => {
    await a.goto(`${BASE}/movies/${bMovie.id}`);
    await heading(a, bMovie.title);
    await settle(a);
    const scores = a.getByRole('heading', { name: 'Friends’ scores' }).locator('..');
    await scores.getByRole('link', { name: people.b.displayName }).waitFor();
    await scores.getByRole('img', { name: '4.5 out of 5 stars' }).waitFor();
    await snapshot(a, 'movie-friends-scores');
  });

  await step('A finds the rating under My ratings', async () => {
    await a.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My ratings' }).click();
    await heading(a, 'My ratings');
    await settle(a);
    await a.getByRole('list', { name: 'Your ratings' }).getByRole('link', { name: aMovie.title, exact: true }).waitFor();
    await snapshot(a, 'my-ratings');
  });

  await step('A removes the movie from the watchlist', async () => {
    await a.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Watchlist' }).click();
    await heading(a, 'Watchlist');
    await settle(a);
    await a.getByRole('list', { name: 'Saved movies' }).getByRole('link', { name: aMovie.title, exact: true }).waitFor();
    await snapshot(a, 'watchlist');
    await a.getByRole('button', { name: `Remove ${aMovie.title} from your watchlist` }).click();
    await a.getByText(`Removed ${aMovie.title} from your watchlist.`).waitFor();
    await a.getByText('Your watchlist is empty').waitFor();
    await snapshot(a, 'watchlist-empty');
  });

  await step('A logs a rewatch from the movie page, then changes it in the diary', async () => {
    await a.goto(`${BASE}/movies/${aMovie.id}`);
    await heading(a, aMovie.title);
    await a.getByRole('button', { name: 'Log a viewing' }).click();
    const form = a.getByRole('form', { name: 'Log a viewing' });
    await clickStar(form, 3.5);
    await form.getByLabel('Tags (optional)').fill('cinema, with Sam');
    await form.getByLabel(/I had seen it before/).check();
    await form.getByRole('button', { name: 'Log this viewing' }).click();
    await a.getByText(new RegExp(`Logged your viewing of .*, 3\\.5 stars`)).waitFor();
    // The latest viewing's score is the rating.
    expect(await a.getByRole('radio', { name: '3.5 stars' }).isChecked(), 'the logged 3.5 stars should now be the rating');
    await a.getByRole('link', { name: 'See your diary' }).click();
    await heading(a, 'My diary');
    await settle(a);
    const entry = a.locator('.diary-entry', { hasText: aMovie.title }).first();
    await entry.getByText('Rewatch').waitFor();
    await entry.getByRole('button', { name: /^Edit your viewing of/ }).click();
    const edit = a.getByRole('form', { name: /^Change your viewing of/ });
    await edit.getByLabel('Review (optional)').fill('Better the second time.');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await a.getByText(/Saved your viewing of/).waitFor();
    await entry.getByText('Better the second time.').waitFor();
    await snapshot(a, 'diary');
  });

  await step('A looks at the year in films', async () => {
    await a.getByRole('link', { name: /^Stats for \d{4}$/ }).click();
    await heading(a, /^My \d{4} in films$/);
    await settle(a);
    await a.getByRole('figure', { name: 'Viewings by month' }).locator('svg.recharts-surface').first().waitFor();
    await a.getByRole('figure', { name: 'Scores' }).locator('svg.recharts-surface').first().waitFor();
    await snapshot(a, 'stats');
  });

  await step('A imports a Letterboxd diary (4.5 stars kept), applies it, then undoes it', async () => {
    // Two movies of the sample catalogue, written the Letterboxd way, that A has not rated, and
    // one the catalogue lacks.
    const known = [
      { id: 2571, name: 'The Matrix', year: 1999 },
      { id: 318, name: 'The Shawshank Redemption', year: 1994 },
      { id: 50, name: 'The Usual Suspects', year: 1995 },
    ].filter((m) => m.id !== aMovie.id && m.id !== bMovie.id).slice(0, 2);
    const csv = [
      'Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date',
      `2024-03-02,${known[0].name},${known[0].year},https://boxd.it/aaa1,4.5,,imported,2024-03-01`,
      `2024-04-10,${known[1].name},${known[1].year},https://boxd.it/aaa2,3,Yes,,2024-04-09`,
      '2024-05-01,A Film Nobody Made,2031,https://boxd.it/aaa3,2,,,2024-04-30',
    ].join('\n');
    // The way in is on the diary page (and the profile), not in the header.
    await a.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Diary' }).click();
    await heading(a, 'My diary');
    await a.getByRole('link', { name: /bring your history/i }).click();
    await heading(a, 'Bring your history');
    await a.getByLabel(/^File/).setInputFiles({ name: 'diary.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await a.getByRole('button', { name: 'Upload and analyse' }).click();
    const counts = a.getByLabel('What the file holds');
    await a.getByRole('heading', { name: 'Not in the catalogue' }).waitFor({ timeout: 30_000 });
    await a.getByText('A Film Nobody Made (2031)').waitFor();
    expect((await counts.first().textContent()).includes('Matched2'), 'the preview should count two matched rows');
    const importUrl = a.url();
    await snapshot(a, 'import-preview');
    await a.getByRole('button', { name: 'Apply the import' }).click();
    await a.getByRole('button', { name: 'Undo this import' }).waitFor({ timeout: 30_000 });
    await snapshot(a, 'import-applied');
    await a.goto(`${BASE}/diary?year=2024`);
    await heading(a, 'My diary');
    await settle(a);
    const imported = a.locator('.diary-entry', { hasText: known[0].name }).first();
    await imported.getByRole('img', { name: '4.5 out of 5 stars' }).waitFor();
    await a.locator('.diary-entry', { hasText: known[1].name }).getByText('Rewatch').waitFor();
    await snapshot(a, 'diary-imported');
    await a.goto(importUrl);
    await a.getByRole('button', { name: 'Undo this import' }).click();
    await a.getByText('This import is undone: nothing of it remains.').waitFor();
    await a.goto(`${BASE}/diary?year=2024`);
    await heading(a, 'My diary');
    await settle(a);
    expect((await a.locator('.diary-entry', { hasText: known[0].name }).count()) === 0, 'undo should leave no imported viewing');
  });

  await step('A downloads all their data from the profile', async () => {
    await a.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Profile' }).click();
    await a.getByRole('heading', { name: 'Your history' }).waitFor();
    const [download] = await Promise.all([
      a.waitForEvent('download'),
      a.getByRole('link', { name: 'Download all your data (ZIP)' }).click(),
    ]);
    expect(download.suggestedFilename().endsWith('.zip'), `the download should be a ZIP, is ${download.suggestedFilename()}`);
    const bytes = readFileSync(await download.path());
    expect(bytes.length > 22 && bytes.subarray(0, 2).toString('latin1') === 'PK', 'the download should be a ZIP file');
    expect(bytes.includes(Buffer.from('letterboxd-import.csv')), 'the ZIP should hold the Letterboxd CSV');
  });

  await step('A edits the profile', async () => {
    await a.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Profile' }).click();
    await heading(a, people.a.displayName);
    people.a.displayName = `Ann E. ${stamp}`;
    await a.getByLabel('Display name').fill(people.a.displayName);
    await a.getByLabel('About you').fill('Heist movies, westerns and anything with a good score.');
    await a.getByRole('button', { name: 'Save profile' }).click();
    await a.getByText('Your profile is saved.').waitFor();
    await heading(a, people.a.displayName);
    await settle(a);
    await snapshot(a, 'profile');
  });

  await step("A looks at B's page and sees B's activity", async () => {
    await a.goto(`${BASE}/members/${bId}`);
    await heading(a, people.b.displayName);
    await settle(a);
    await a.getByRole('list', { name: `${people.b.displayName}’s activity` }).getByRole('link', { name: bMovie.title, exact: true }).first().waitFor();
    await snapshot(a, 'member-page');
  });

  await step(`A recommends "${aMovie.title}" to B, who finds it under From your friends`, async () => {
    await a.goto(`${BASE}/movies/${aMovie.id}`);
    await heading(a, aMovie.title);
    await a.getByRole('button', { name: 'Recommend to…' }).click();
    await a.getByLabel('Friend', { exact: true }).selectOption({ label: people.b.displayName });
    await a.getByLabel('Note (optional)').fill('Your kind of film.');
    await a.getByRole('button', { name: 'Send recommendation' }).click();
    await a.getByText(`Recommended ${aMovie.title} to ${people.b.displayName}.`).waitFor();
    await b.goto(`${BASE}/`);
    await heading(b, `Hello, ${people.b.displayName}`);
    const row = b.getByRole('list', { name: 'Movies your friends recommend to you' });
    await row.getByRole('link', { name: aMovie.title, exact: true }).waitFor();
    await settle(b);
    await snapshot(b, 'home-from-your-friends');
  });

  let listUrl;
  await step('A makes a public ranked list, adds two movies, reorders them and saves', async () => {
    await a.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Lists' }).click();
    await heading(a, 'Your lists');
    await settle(a);
    await snapshot(a, 'lists-empty');
    await a.getByLabel('Name').fill(`Nights in ${stamp}`);
    await a.getByLabel(/Ranked/).check();
    await a.getByRole('radio', { name: /Everyone/ }).check();
    await a.getByRole('button', { name: 'Create list' }).click();
    await heading(a, `Nights in ${stamp}`);
    listUrl = await a.getByLabel(/Share link/).inputValue();
    for (const movie of [aMovie, bMovie]) {
      await a.goto(`${BASE}/movies/${movie.id}`);
      await heading(a, movie.title);
      await a.getByRole('button', { name: 'Add to a list' }).click();
      await a.getByLabel('List', { exact: true }).selectOption({ label: `Nights in ${stamp}` });
      await a.getByRole('button', { name: 'Add to list' }).click();
      await a.getByText(new RegExp(`(Added .* to|already in) Nights in ${stamp}`)).waitFor();
    }
    await a.goto(listUrl);
    await heading(a, `Nights in ${stamp}`);
    const rows = a.getByRole('list', { name: 'Movies in this list, in order' }).getByRole('listitem');
    await rows.nth(1).waitFor();
    // Keyboard reordering: the first movie's Move down button, pressed with Enter.
    await a.getByRole('button', { name: `Move down: ${aMovie.title}` }).focus();
    await a.keyboard.press('Enter');
    await a.getByText(`${aMovie.title} moved to position 2 of 2.`).waitFor();
    await a.getByRole('button', { name: 'Save order and notes' }).click();
    await a.getByText('The list is saved.').waitFor();
    expect((await rows.first().textContent()).includes(bMovie.title), 'the saved order should start with the moved-up movie');
    await snapshot(a, 'list-editor');
  });

  await step('a visitor without an account opens the share link', async () => {
    const visitor = await browser.newContext({ viewport: DESKTOP, locale: 'en-GB' });
    visitor.setDefaultTimeout(STEP_TIMEOUT);
    const v = await visitor.newPage();
    watch(v, 'visitor');
    await v.goto(listUrl);
    await heading(v, `Nights in ${stamp}`);
    const items = v.getByRole('list', { name: 'Movies in this list' });
    await items.getByRole('link', { name: bMovie.title, exact: true }).waitFor();
    await items.getByRole('link', { name: aMovie.title, exact: true }).waitFor();
    await snapshot(v, 'list-shared-publicly');
    await visitor.close();
  });

  await step('B deletes the account and is back at sign-in', async () => {
    await b.goto(`${BASE}/profile`);
    await heading(b, people.b.displayName);
    await b.getByLabel('Your password, to confirm').fill(PASSWORD);
    await b.getByRole('button', { name: 'Delete my account' }).click();
    await heading(b, 'Sign in');
    await b.getByText(/Your account and everything in it has been deleted/).waitFor();
    expect(new URL(b.url()).pathname === '/signin', `B should be at /signin, is at ${b.url()}`);
    await snapshot(b, 'account-deleted');
  });

  await step("B's old password no longer signs in", async () => {
    await b.getByLabel('Username or email').fill(people.b.username);
    await b.getByLabel('Password').fill(PASSWORD);
    await b.getByRole('button', { name: 'Sign in' }).click();
    await b.getByRole('alert').waitFor();
    expect(new URL(b.url()).pathname === '/signin', 'a deleted account must not sign in');
    await snapshot(b, 'sign-in-refused');
  });

  await step('A signs out', async () => {
    await a.goto(`${BASE}/`);
    await heading(a, `Hello, ${people.a.displayName}`);
    await a.getByRole('button', { name: 'Sign out' }).click();
    await heading(a, 'Sign in');
    await a.goto(`${BASE}/ratings`);
    await heading(a, 'Sign in');
  });

  currentStep = 'final checks';
  if (pageProblems.length > 0) {
    throw new Error(`the pages reported errors:\n  ${pageProblems.join('\n  ')}`);
  }
  if (a11yProblems.length > 0) {
    throw new Error(`axe-core found serious or critical problems:\n  ${a11yProblems.join('\n  ')}`);
  }
}

try {
  await main();
  await cleanup();
  log(`JOURNEY PASSED in ${((Date.now() - started) / 1000).toFixed(1)} s; ${shots.length} screenshots in ${SHOTS}:`);
  for (const file of shots) console.log(`  ${file}`);
  process.exit(0);
} catch (error) {
  console.error(`\nJOURNEY FAILED in step "${currentStep}": ${error instanceof Error ? error.message : error}`);
  try {
    const pages = browser?.contexts().flatMap((c) => c.pages()) ?? [];
    for (const [i, page] of pages.entries()) {
      const file = join(SHOTS, `failure-${i + 1}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.error(`  page ${i + 1} was at ${page.url()} (screenshot ${file})`);
    }
  } catch {
    // the browser may be gone
  }
  await cleanup();
  process.exit(1);
}
