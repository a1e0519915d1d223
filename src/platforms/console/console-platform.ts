/** The local console as a platform: a plain-text chat on stdin/stdout when no other chat platform runs; no deliveries. */
import { z } from 'zod';
import { renderPlain } from '../shared/render-plain.ts';
import { definePlatform } from '../platform.ts';
import { runConsole } from './console-chat.ts';

/** The console platform entry. */
export const consolePlatform = definePlatform({
  id: 'console',
  env: z.object({}),
  secrets: () => [],
  chat: {
    enabled: () => true,
    fallback: true,
    settings: 'the terminal',
    async start(_env, s) {
      const done = runConsole({ deps: s.deps, logger: s.logger, limiter: s.limiter, ...s.console });
      return { done, stop: async () => {} };
    },
  },
  render: renderPlain,
});
