/**
 * `DISCORD_SHARDS`: which gateway shards this instance runs. Each shard answers the guilds Discord routes to it,
 * so several instances can split a large bot between them; scheduled posts go over REST whatever the shards.
 * `auto` (Discord's recommended count, all here), `N` (N shards, all here), or `LIST/N` (these of N shards:
 * `0-1/4`, `2,3/4`).
 */

/** discord.js client options for the shards of this instance. */
export type ShardPlan = { shards: 'auto' } | { shards: number[]; shardCount: number };

/** What a valid value looks like (for messages). */
export const SHARDS_HELP = 'auto, a shard count such as 4 (all shards here), or the shards of this instance out of the total such as 0-1/4 or 2,3/4';

/** Parses a DISCORD_SHARDS value; a string error says what is wrong. */
export function parseShards(raw: string): ShardPlan | string {
  const v = raw.trim();
  if (v === 'auto') return { shards: 'auto' };
  const m = /^(?:([\d,\s-]+)\/)?(\d+)$/.exec(v);
  if (!m) return `"${v}" is not ${SHARDS_HELP}`;
  const count = Number(m[2]);
  if (!Number.isInteger(count) || count < 1 || count > 4096) return `the shard count ${m[2]} is not 1–4096`;
  if (m[1] === undefined) return { shards: Array.from({ length: count }, (_, i) => i), shardCount: count };
  const ids = new Set<number>();
  for (const part of m[1].split(',').map((p) => p.trim())) {
    const r = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!r) return `"${part}" is not a shard id or a range such as 0-3`;
    const from = Number(r[1]);
    const to = r[2] === undefined ? from : Number(r[2]);
    if (to < from) return `the range ${part} runs backwards`;
    if (to >= count) return `shard ${to} does not exist with ${count} shards (ids are 0–${count - 1})`;
    for (let i = from; i <= to; i++) ids.add(i);
  }
  return { shards: [...ids].sort((a, b) => a - b), shardCount: count };
}
