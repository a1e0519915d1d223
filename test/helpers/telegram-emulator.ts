/** telegram-test-api on 127.0.0.1 for end-to-end tests: start, drive a client, read what the bot sent, stop. */
import net from 'node:net';
import TelegramServerModule from 'telegram-test-api';
import type { StoredBotUpdate, TelegramServer } from 'telegram-test-api/lib/telegramServer.js';

/** A free loopback TCP port (the emulator treats port 0 as 9000, so one is picked first). */
export async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', () => resolve()));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

/** A running emulator. */
export interface TelegramEmulator {
  server: TelegramServer;
  apiRoot: string;
  token: string;
  /** What the bot sent (sendMessage bodies), oldest first. */
  sent(): StoredBotUpdate['message'][];
  stop(): Promise<void>;
}

/** Starts the emulator on a free loopback port. */
export async function startTelegramEmulator(token = '123456:TEST-abcdefghijklmnopqrstuvwxyz'): Promise<TelegramEmulator> {
  const Ctor = ((TelegramServerModule as unknown as { default?: unknown }).default ?? TelegramServerModule) as new (c: object) => TelegramServer;
  const server = new Ctor({ port: await freePort(), host: '127.0.0.1', storeTimeout: 600 });
  await server.start();
  return {
    server,
    apiRoot: server.config.apiURL,
    token,
    sent: () => server.storage.botMessages.filter((m) => m.botToken === token).map((m) => m.message),
    stop: () => (server as unknown as { stop(): Promise<void> }).stop(),
  };
}
