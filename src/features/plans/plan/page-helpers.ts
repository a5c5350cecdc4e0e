import { may, type PersonAccess } from '../../../platform/auth/access.ts';
import { type FieldError, Problem } from '../../../platform/http/problem.ts';
import { wholeNumber } from '../../../platform/http/forms.ts';

/** Staff see a person's plan under /people/:id; the person and their circle under /my/:id. */
export const BASES = ['/people', '/my'] as const;
export type Base = (typeof BASES)[number];

export interface PageFrame {
  base: string;
  personId: string;
  staff: boolean;
  caseHolder: boolean;
}

/**
 * Where the page is and what the viewer may do there, asked of the policy: staff (who work
 * from the case list) see the case view on the staff side, and those who hold the case
 * write its professional parts (the worker's view, how a risk is enabled).
 */
export function frame(access: PersonAccess, base: Base): PageFrame {
  return {
    base: `${base}/${access.personId}`,
    personId: access.personId,
    staff: base === '/people' && may(access, 'caselist.read'),
    caseHolder: may(access, 'case.write'),
  };
}

/** A form's number field: the row version the page was shown with. */
export function formRowVersion(value: string): number | null {
  // Digits past what the column holds can match no row: 0 (versions start at 1) is refused as stale.
  return /^\d+$/.test(value) ? (wholeNumber(value) ?? 0) : null;
}

/**
 * The service names fields by their place in the whole plan ('costLines[3].fundingStream');
 * a question page asks about one item, so its fields are just 'fundingStream'.
 */
export async function asItemErrors<T>(
  work: () => Promise<T>,
  rename: Record<string, string> = {},
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Problem && error.status === 400 && error.errors.length) {
      const mapped: FieldError[] = error.errors.map((e) => {
        const field = e.field.replace(/^\w+\[\d+\]\./, '');
        return { field: rename[field] ?? field, message: e.message };
      });
      throw Problem.invalid(mapped, error.detail);
    }
    throw error;
  }
}

/**
 * Where to put right something missing from the plan (a field error on the plan's content,
 * 'content.outcomes[2].howMet'): the question page for it, or null when the field is not part
 * of the plan's content. Parts only a worker may change link nowhere for anyone else.
 */
export function fixFor(
  field: string,
  frame: Pick<PageFrame, 'base' | 'staff'>,
): { href: string | null; text: string } | null {
  const match = /^content\.(\w+)(?:\[(\d+)\])?/.exec(field);
  if (!match) return null;
  const [, list, index] = match;
  const { base, staff } = frame;
  const staffOnly = (href: string, text: string) =>
    staff ? { href, text } : { href: null, text: 'Ask your worker to put this right' };
  if (list === 'outcomes' && field.endsWith('.howMet'))
    return { href: `${base}/plan/edit/outcome/${index}`, text: 'Write how it will happen' };
  if (list === 'outcomes') return { href: `${base}/outcomes`, text: 'Write the outcome' };
  if (list === 'contingency')
    return { href: `${base}/plan/edit/about`, text: 'Write what happens if things go wrong' };
  if (list === 'risks') return { href: `${base}/plan/edit/risk/${index}`, text: 'Change this risk' };
  if (list === 'costLines')
    return staffOnly(
      `${base}/plan/remove/cost-line/${index}`,
      'Take this support out, then add it again for one of the plan’s outcomes',
    );
  if (list === 'restrictions')
    return staffOnly(`${base}/plan/remove/restriction/${index}`, 'Take this limit out and add it again');
  if (list === 'nonNegotiables')
    return staffOnly(`${base}/plan/remove/non-negotiable/${index}`, 'Take this out and add it again');
  return null;
}
