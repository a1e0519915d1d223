/** Thrown when a stored record does not have the shape it must have; the record is then not trusted. */
export class CorruptRecordError extends Error {
  override name = 'CorruptRecordError';
}

export function check(ok: boolean, what: string): void {
  if (!ok) throw new CorruptRecordError(what);
}
