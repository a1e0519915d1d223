/** Opens (and so migrates) one PostgreSQL database as the bot does, once told to on stdin; prints what it applied. */
import { openStore } from '../../src/store/open-store.ts';
import { PG_FEED_MIGRATIONS } from '../../src/feeds/pg-feed-store.ts';

const store = openStore({ databaseUrl: process.env.OPEN_URL, sqlitePath: ':memory:', migrations: { postgres: PG_FEED_MIGRATIONS } });
process.stdout.write('ready\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
if (store.backend.kind !== 'postgres') throw new Error('expected the PostgreSQL store');
const applied = await store.backend.pg.ready;
await store.subscriptions.list();
await store.close();
process.stdout.write(`${JSON.stringify({ applied })}\n`);
