/** Text made safe for a terminal: no escape sequences or control characters from articles reach it. */
import { stripVTControlCharacters } from 'node:util';

/** Removes ANSI/VT escape sequences (Node's own `stripVTControlCharacters`), then any other control character but newline and tab. */
export function terminalSafe(text: string): string {
  return stripVTControlCharacters(text).replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}
