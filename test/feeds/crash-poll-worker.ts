/** Child process of the crash test: one poll of every feed in the SQLite database, then the result on stdout. */
import Database from 'better-sqlite3';
import { createFeedService } from '../../src/feeds/feed-service.ts';
import { createSqliteFeedStore, migrateFeedTables } from '../../src/feeds/sqlite-feed-store.ts';

const db = new Database(process.env.CRASH_DB!);
db.pragma('journal_mode = WAL');
migrateFeedTables(db);
const service = createFeedService({
  store: createSqliteFeedStore(db),
  corpusDir: process.env.CRASH_CORPUS!,
  fetch: { allowPrivate: process.env.BRIEFING_FETCH_ALLOW_PRIVATE === '1', minIntervalMs: 0, timeoutMs: 5_000 },
  maxAttempts: 50,
});
const result = await service.poll();
await service.close();
db.close();
process.stdout.write(JSON.stringify({ added: result.articles.length, issues: result.issues }));
