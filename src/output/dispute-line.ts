import type { DigestItem } from '../core/model.ts';

/** The line shown under a disputed point: the other side, introduced by what it is to this point. */
export function disputeLine(dispute: NonNullable<DigestItem['dispute']>): string {
  return `${dispute.side === 'counter' ? 'Contested' : 'In answer to'}: ${dispute.text}`;
}
