/** The `file:PATH` target as a platform: one JSON line per delivery, always available. */
import { z } from 'zod';
import { renderPlain } from '../shared/render-plain.ts';
import { definePlatform } from '../platform.ts';
import { createFilePublisher } from './file-publisher.ts';

/** The file platform entry. */
export const filePlatform = definePlatform({
  id: 'file',
  env: z.object({}),
  secrets: () => [],
  target: {
    platform: 'file',
    help: 'file:PATH',
    parse: (address) =>
      address.trim() === '' ? { error: 'has an empty path' } : address.includes('\0') ? { error: 'has a NUL byte in its path' } : { address },
  },
  publisher: () => createFilePublisher(),
  render: renderPlain,
});
