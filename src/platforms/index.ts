/**
 * The platform registry: every platform, in the order they start. Adding one (Slack, Matrix) is a new
 * folder with a `*-platform.ts` entry and one line here. Only the composition (`src/app/`) imports this.
 */
import { consolePlatform } from './console/console-platform.ts';
import { discordPlatform } from './discord/discord-platform.ts';
import { filePlatform } from './file/file-platform.ts';
import type { Platform } from './platform.ts';
import { telegramPlatform } from './telegram/telegram-platform.ts';

/** Every platform. */
export const PLATFORMS: readonly Platform[] = [discordPlatform, telegramPlatform, consolePlatform, filePlatform];
