/** Paged answers waiting for button presses: who asked, the pages, the choices; expiring and bounded. */
import { randomBytes } from 'node:crypto';
import type { APIEmbed } from 'discord.js';
import type { ReplyChoice } from '../../reply/reply.ts';

/** One paged answer. */
export interface PageSession {
  id: string;
  /** Only this user may turn pages or pick a choice. */
  userId: string;
  pages: APIEmbed[];
  choices: ReplyChoice[];
  expiresAt: number;
}

/** Where paged answers are kept. */
export interface PageSessions {
  create(userId: string, pages: APIEmbed[], choices: ReplyChoice[]): PageSession;
  /** The live session, or undefined when unknown or expired. */
  get(id: string): PageSession | undefined;
  size(): number;
}

/** Sessions live `ttlMs` (default 10 minutes); at most `max` are kept, oldest dropped first. */
export function createPageSessions(opts: { ttlMs?: number; max?: number; now?: () => number } = {}): PageSessions {
  const ttl = opts.ttlMs ?? 10 * 60_000;
  const max = opts.max ?? 1_000;
  const now = opts.now ?? Date.now;
  const map = new Map<string, PageSession>();
  return {
    create(userId, pages, choices) {
      const t = now();
      for (const [k, s] of map) if (s.expiresAt <= t) map.delete(k);
      const session: PageSession = { id: randomBytes(6).toString('base64url'), userId, pages, choices, expiresAt: t + ttl };
      map.set(session.id, session);
      if (map.size > max) map.delete(map.keys().next().value as string);
      return session;
    },
    get(id) {
      const s = map.get(id);
      if (!s) return undefined;
      if (s.expiresAt <= now()) {
        map.delete(id);
        return undefined;
      }
      return s;
    },
    size: () => map.size,
  };
}
