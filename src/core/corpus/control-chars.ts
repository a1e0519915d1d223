/**
 * Removes what is not text from an article before anything reads it: terminal escape sequences
 * (`ESC[31m`, which a terminal would obey), other control characters, bidirectional overrides (which
 * make a chat line read differently from what it holds) and lone UTF-16 surrogates (replaced by
 * U+FFFD). Tabs, line and paragraph breaks stay.
 */

/** CSI (`ESC[…m`) and OSC (`ESC]…BEL`) sequences, and any other two-character escape. */
const ESCAPES = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-_]?)/g;
/** C0 controls but tab, line feed, vertical tab, form feed and carriage return; DEL; C1 controls; bidi overrides and isolates. */
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const ANY = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/;

/** `text` without escape sequences, control characters and bidi overrides, lone surrogates replaced; `text` itself when it has none. */
export function stripControls(text: string): string {
  if (!ANY.test(text)) return text;
  return text.replace(ESCAPES, '').replace(CONTROLS, '').replace(LONE_SURROGATE, '\ufffd');
}
