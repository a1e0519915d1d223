/**
 * The `file:PATH` target: appends each delivery as one JSON line. It never re-reads the file: before
 * appending it looks for the idempotency key only in the file's last `TAIL_BYTES` (where a delivery
 * retried after a crash was written), so a retry is never written twice and a post costs the same at
 * 5 or 5 million lines.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Reply } from '../../reply/reply.ts';
import { renderPlain } from '../shared/render-plain.ts';
import { describeError, type Publisher } from '../../scheduler/publisher.ts';

/** One line of a file target. */
export interface FileDeliveryLine {
  key: string;
  /** ISO instant of writing. */
  at: string;
  title: string;
  text: string;
  reply: Reply;
}

/** How much of the end of the file is searched for a retried delivery's key. */
export const TAIL_BYTES = 1024 * 1024;

/** The last `max` bytes of a file (all of a smaller one), and the file's size; size 0 when it does not exist. */
function tail(file: string, max: number): { size: number; text: string } {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') return { size: 0, text: '' };
    throw e;
  }
  try {
    const size = fs.fstatSync(fd).size;
    const length = Math.min(size, max);
    const buf = Buffer.alloc(length);
    fs.readSync(fd, buf, 0, length, size - length);
    return { size, text: buf.toString('utf8') };
  } finally {
    fs.closeSync(fd);
  }
}

/** The byte offset of the line holding `key` in the tail, if a complete delivery line with that key is there. */
function findKey(t: { size: number; text: string }, key: string): number | undefined {
  const needle = `{"key":${JSON.stringify(key)},`;
  const at = t.text.lastIndexOf(needle);
  if (at < 0 || (at > 0 && t.text[at - 1] !== '\n')) return undefined;
  return t.size - Buffer.byteLength(t.text.slice(at), 'utf8');
}

/** Options of the file publisher. */
export interface FilePublisherOptions {
  now?: () => Date;
  /** Folder relative paths are resolved against (default: the working directory). */
  baseDir?: string;
}

/** Reads the delivery lines of a file target, skipping lines that are not JSON. */
export function readFileDeliveries(file: string): FileDeliveryLine[] {
  if (!fs.existsSync(file)) return [];
  const out: FileDeliveryLine[] = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      out.push(JSON.parse(line) as FileDeliveryLine);
    } catch {
      // a torn or foreign line; ignore it
    }
  }
  return out;
}

/** Makes the file publisher. */
export function createFilePublisher(opts: FilePublisherOptions = {}): Publisher {
  const now = opts.now ?? (() => new Date());
  return {
    async post(target, reply, { idempotencyKey, alreadySent = 0, fresh = false, onPart }) {
      if (target.platform !== 'file') throw new TypeError(`target: the file publisher can't post to ${target.raw}`);
      if (alreadySent > 0) return { ok: true, messageIds: [] };
      const file = path.resolve(opts.baseDir ?? process.cwd(), target.address);
      try {
        // A fresh delivery can't be in the file yet: only a retried one needs the tail scanned for its key.
        const end = tail(file, fresh ? 1 : TAIL_BYTES);
        const found = findKey(end, idempotencyKey);
        const id = `offset:${found ?? end.size}`;
        if (found === undefined) {
          fs.mkdirSync(path.dirname(file), { recursive: true });
          const line: FileDeliveryLine = { key: idempotencyKey, at: now().toISOString(), title: reply.title, text: renderPlain(reply), reply };
          const torn = end.size > 0 && !end.text.endsWith('\n');
          fs.appendFileSync(file, `${torn ? '\n' : ''}${JSON.stringify(line)}\n`);
        }
        await onPart?.(0, id);
        return { ok: true, messageIds: [id] };
      } catch (e) {
        const code = (e as { code?: string }).code;
        const permanent = code === 'EACCES' || code === 'EPERM' || code === 'EISDIR' || code === 'ENOTDIR' || code === 'EROFS';
        return permanent
          ? { ok: false, kind: 'permanent', reason: describeError(e), pause: true, messageIds: [] }
          : { ok: false, kind: 'retryable', reason: describeError(e), messageIds: [] };
      }
    },
  };
}
