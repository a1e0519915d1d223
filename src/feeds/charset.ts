/**
 * Decodes fetched bytes to text by the WHATWG rules: BOM, then the HTTP header's charset, then the document's
 * own declaration (HTML `<meta charset>` / XML `encoding=`), else UTF-8. Sniffing and decoding are
 * encoding-sniffer's (Node 20's own TextDecoder decodes windows-1252 as Latin-1, losing „ “ € and friends).
 */
import { TextDecoder } from 'node:util';
import { decodeBuffer, getEncoding } from 'encoding-sniffer';

/** Decoded text, the encoding used, and a note when a declared charset could not be used. */
export interface Decoded {
  text: string;
  encoding: string;
  /** Set when the declared charset is unknown or the bytes did not fit it. */
  warning?: string;
}

/** The `charset` parameter of a Content-Type header, if any. */
export function headerCharset(contentType: string | undefined): string | undefined {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return m?.[1];
}

/** True for a WHATWG encoding label (the runtime's TextDecoder knows the same list; it is only asked about the name). */
function knownLabel(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

/** Decodes `bytes` of a response with the given Content-Type; `what` names the URL in warnings. */
export function decodeBody(bytes: Uint8Array, contentType: string | undefined, what: string): Decoded {
  const declared = headerCharset(contentType);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let warning: string | undefined;
  const options = { defaultEncoding: 'UTF-8', ...(declared && knownLabel(declared) ? { transportLayerEncodingLabel: declared } : {}) };
  if (declared && !options.transportLayerEncodingLabel) warning = `${what} declares the unknown charset "${declared}" in its Content-Type`;
  let encoding = 'UTF-8';
  let text: string;
  try {
    encoding = getEncoding(buffer, options);
    text = decodeBuffer(buffer, options);
  } catch (err) {
    text = buffer.toString('utf8');
    warning = `${what} could not be decoded as ${encoding} (${(err as Error).message}); read it as UTF-8`;
  }
  if (warning) warning += `; read it as ${encoding}`;
  else {
    const bad = (text.match(/\uFFFD/g) ?? []).length;
    if (bad > 3) warning = `${what} is not valid ${encoding} (${bad} undecodable characters); its charset declaration may be wrong`;
  }
  return { text: text.replace(/^\uFEFF/, ''), encoding, ...(warning ? { warning } : {}) };
}
