/**
 * Polite, bounded HTTP GET on undici: conditional requests, a clear User-Agent, gzip/brotli (undici
 * decodes them), a timeout over the whole exchange, a streamed size cap (the body is dropped past it),
 * manual redirects with every hop's URL and address re-checked, one request at a time per host with a
 * minimum interval, and Retry-After / exponential backoff on 429 and 5xx. Expected failures are values.
 */
import { Agent, fetch, type Response } from 'undici';
import { addressRefusal, checkUrl, guardedLookup, literalHostRefusal, RefusedAddressError, type LookupFunction } from './address-policy.ts';
import type { FeedErrorCode } from './feed-model.ts';
import { createHostGate, type HostGate } from './host-gate.ts';

/** How the fetcher behaves. Every field has a polite default. */
export interface FetchOptions {
  /** Default `briefing-bot/0.1 (+feeds; news briefings)`. */
  userAgent?: string;
  /** The whole exchange, headers and body (default 15 s). */
  timeoutMs?: number;
  /** Largest body accepted after decompression (default 5 MB). */
  maxBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** Between two requests to the same host (default 1 s). */
  minIntervalMs?: number;
  /** Retries of a 429/5xx within one fetch (default 2). */
  retries?: number;
  /** First backoff delay; doubled on each retry (default 500 ms). */
  backoffBaseMs?: number;
  /** A Retry-After longer than this is not waited for inside a fetch; it is returned (default 5 s). */
  maxInlineWaitMs?: number;
  /** Fetch private, loopback and link-local addresses too (BRIEFING_FETCH_ALLOW_PRIVATE=1; tests only). */
  allowPrivate?: boolean;
  /** Replaces the address rule: a refusal reason or undefined (tests). */
  addressRule?: (address: string) => string | undefined;
  /** Replaces DNS resolution (tests). */
  lookup?: LookupFunction;
}

/** One request. */
export interface FetchRequest {
  url: string;
  accept: string;
  etag?: string;
  lastModified?: string;
}

/** A fetched body, a 304, or an expected failure naming the URL. */
export type FetchOutcome =
  | { ok: true; status: 200; url: string; bytes: Uint8Array; contentType?: string; etag?: string; lastModified?: string }
  | { ok: true; status: 304; url: string }
  | { ok: false; code: FeedErrorCode; message: string; url: string; status?: number; retryAfterMs?: number };

/** Fetches URLs politely; `close` ends its connections. */
export interface HttpFetcher {
  get(request: FetchRequest): Promise<FetchOutcome>;
  close(): Promise<void>;
}

/** The default User-Agent. */
export const DEFAULT_USER_AGENT = 'briefing-bot/0.1 (+feeds; news briefings; polls each feed at most every few minutes)';

/** Milliseconds asked by a Retry-After header (seconds or an HTTP date), if any. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function causeChain(err: unknown): unknown[] {
  const out: unknown[] = [];
  let e: unknown = err;
  for (let i = 0; e && i < 6; i++) {
    out.push(e);
    e = (e as { cause?: unknown }).cause;
  }
  return out;
}

/** Makes a fetcher with its own connection pool and host gate. */
export function createHttpFetcher(options: FetchOptions = {}, gate?: HostGate): HttpFetcher {
  const o = {
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    timeoutMs: options.timeoutMs ?? 15_000,
    maxBytes: options.maxBytes ?? 5 * 1024 * 1024,
    maxRedirects: options.maxRedirects ?? 5,
    retries: options.retries ?? 2,
    backoffBaseMs: options.backoffBaseMs ?? 500,
    maxInlineWaitMs: options.maxInlineWaitMs ?? 5_000,
  };
  const rule = options.addressRule ?? (options.allowPrivate ? () => undefined : addressRefusal);
  const lookup = guardedLookup(rule, options.lookup);
  const agent = new Agent({ connect: { lookup: lookup as never }, connections: 4 });
  const hosts = gate ?? createHostGate(options.minIntervalMs ?? 1_000);
  /** Hosts that answered 429/503 with a Retry-After too long to wait for: no request goes to them until then. */
  const blockedUntil = new Map<string, number>();

  /** One HTTP exchange, no redirects followed; the body read within the cap. */
  async function once(
    url: URL,
    req: FetchRequest,
  ): Promise<FetchOutcome | { redirect: string; status: number } | { retry: true; status: number; retryAfterMs?: number; message: string }> {
    const target = url.toString();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), o.timeoutMs);
    let res: Response | undefined;
    let overCap: FetchOutcome | undefined;
    try {
      const headers: Record<string, string> = { 'user-agent': o.userAgent, accept: req.accept, 'accept-encoding': 'gzip, deflate, br' };
      if (req.etag) headers['if-none-match'] = req.etag;
      if (req.lastModified) headers['if-modified-since'] = req.lastModified;
      res = await fetch(target, { headers, redirect: 'manual', signal: controller.signal, dispatcher: agent });
      if (res.status >= 300 && res.status < 400 && res.status !== 304) {
        const location = res.headers.get('location');
        await res.body?.cancel().catch(() => {});
        if (!location)
          return { ok: false, code: 'http_error', status: res.status, url: target, message: `${target} answered ${res.status} without a Location to follow` };
        return { redirect: new URL(location, target).toString(), status: res.status };
      }
      if (res.status === 304) {
        await res.body?.cancel().catch(() => {});
        return { ok: true, status: 304, url: target };
      }
      if (res.status === 429 || res.status >= 500) {
        const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'));
        await res.body?.cancel().catch(() => {});
        const message =
          res.status === 429
            ? `${target} answered 429 Too Many Requests${retryAfterMs !== undefined ? ` (Retry-After ${Math.round(retryAfterMs / 1000)} s)` : ''}`
            : `${target} answered ${res.status} (server error)`;
        return { retry: true, status: res.status, message, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
      }
      if (res.status !== 200) {
        await res.body?.cancel().catch(() => {});
        return {
          ok: false,
          code: 'http_error',
          status: res.status,
          url: target,
          message: `${target} answered ${res.status}${res.status === 404 ? ' Not Found' : res.status === 410 ? ' Gone' : ''}; check the address`,
        };
      }
      const declared = Number(res.headers.get('content-length') ?? NaN);
      if (Number.isFinite(declared) && declared > o.maxBytes) {
        controller.abort();
        return {
          ok: false,
          code: 'too_large',
          url: target,
          message: `${target} is ${Math.round(declared / 1024)} KB, over the ${Math.round(o.maxBytes / 1024)} KB limit`,
        };
      }
      const chunks: Uint8Array[] = [];
      let total = 0;
      if (res.body) {
        for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
          total += chunk.byteLength;
          if (total > o.maxBytes) {
            overCap = {
              ok: false,
              code: 'too_large',
              url: target,
              message: `${target} sent more than the ${Math.round(o.maxBytes / 1024)} KB limit; stopped reading it`,
            };
            controller.abort();
            return overCap;
          }
          chunks.push(chunk);
        }
      }
      const bytes = new Uint8Array(total);
      let at = 0;
      for (const c of chunks) {
        bytes.set(c, at);
        at += c.byteLength;
      }
      const out: FetchOutcome = { ok: true, status: 200, url: target, bytes };
      const ct = res.headers.get('content-type');
      const etag = res.headers.get('etag');
      const lm = res.headers.get('last-modified');
      if (ct) out.contentType = ct;
      if (etag) out.etag = etag;
      if (lm) out.lastModified = lm;
      return out;
    } catch (err) {
      if (overCap) return overCap;
      const chain = causeChain(err);
      const refused = chain.find((e) => e instanceof RefusedAddressError) as RefusedAddressError | undefined;
      if (refused)
        return { ok: false, code: 'refused_address', url: target, message: `${target} refused: ${refused.message}; only public addresses are fetched` };
      if (controller.signal.aborted)
        return { ok: false, code: 'timeout', url: target, message: `${target} did not answer within ${Math.round(o.timeoutMs / 1000)} s` };
      const code = chain.map((e) => (e as { code?: string }).code).find((c) => typeof c === 'string');
      return { ok: false, code: 'network', url: target, message: `${target} could not be fetched (${code ?? (err as Error).message})` };
    } finally {
      clearTimeout(timer);
    }
  }

  async function get(req: FetchRequest): Promise<FetchOutcome> {
    let current = req.url;
    const seen = new Set<string>();
    for (let hop = 0; ; hop++) {
      const checked = checkUrl(current);
      if (!checked.ok)
        return {
          ok: false,
          code: 'bad_url',
          url: current,
          message: hop ? `${req.url} redirects to a URL that is not fetched: ${checked.message}` : checked.message,
        };
      const literal = literalHostRefusal(checked.url, rule);
      if (literal) return { ok: false, code: 'refused_address', url: current, message: `${current} refused: ${literal}; only public addresses are fetched` };
      const host = checked.url.host.toLowerCase();
      const until = blockedUntil.get(host);
      if (until !== undefined && until > Date.now()) {
        return {
          ok: false,
          code: 'rate_limited',
          url: current,
          retryAfterMs: until - Date.now(),
          message: `${current} not requested: ${host} asked to wait until ${new Date(until).toISOString()}`,
        };
      }
      let attempt = 0;
      let outcome: Awaited<ReturnType<typeof once>>;
      for (;;) {
        outcome = await hosts.run(checked.url.host, () => once(checked.url, hop ? { url: current, accept: req.accept } : req));
        if (!('retry' in outcome)) break;
        const wait = outcome.retryAfterMs ?? o.backoffBaseMs * 2 ** attempt;
        if (attempt >= o.retries || wait > o.maxInlineWaitMs) {
          if (outcome.retryAfterMs !== undefined && outcome.retryAfterMs > o.maxInlineWaitMs)
            blockedUntil.set(host, Date.now() + Math.min(outcome.retryAfterMs, 86_400_000));
          return {
            ok: false,
            code: outcome.status === 429 ? 'rate_limited' : 'http_error',
            status: outcome.status,
            url: current,
            message: outcome.message,
            ...(outcome.retryAfterMs !== undefined ? { retryAfterMs: outcome.retryAfterMs } : {}),
          };
        }
        attempt++;
        await sleep(wait);
      }
      if (!('redirect' in outcome)) return outcome;
      seen.add(current);
      if (hop + 1 > o.maxRedirects || seen.has(outcome.redirect)) {
        const loop = seen.has(outcome.redirect) ? ' in a loop' : '';
        return {
          ok: false,
          code: 'too_many_redirects',
          url: req.url,
          message: `${req.url} redirects${loop} more than ${o.maxRedirects} times (last to ${outcome.redirect}); give the final address`,
        };
      }
      current = outcome.redirect;
    }
  }

  return { get, close: () => agent.close() };
}
