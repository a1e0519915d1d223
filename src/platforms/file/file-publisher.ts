/**
 * The `file:PATH` target: appends each delivery as one JSON line. Before appending it looks for
 * the idempotency key in the file, so a delivery retried after a crash is never written twice.
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
    async post(target, reply, { idempotencyKey, alreadySent = 0, onPart }) {
      if (target.platform !== 'file') throw new TypeError(`target: the file publisher can't post to ${target.raw}`);
      if (alreadySent > 0) return { ok: true, messageIds: [] };
      const file = path.resolve(opts.baseDir ?? process.cwd(), target.address);
      try {
        const lines = readFileDeliveries(file);
        const found = lines.findIndex((l) => l.key === idempotencyKey);
        const id = `line:${found >= 0 ? found + 1 : lines.length + 1}`;
        if (found < 0) {
          fs.mkdirSync(path.dirname(file), { recursive: true });
          const line: FileDeliveryLine = { key: idempotencyKey, at: now().toISOString(), title: reply.title, text: renderPlain(reply), reply };
          const torn = fs.existsSync(file) && fs.statSync(file).size > 0 && !fs.readFileSync(file, 'utf8').endsWith('\n');
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
