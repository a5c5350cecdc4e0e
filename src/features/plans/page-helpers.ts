import type { FastifyRequest } from 'fastify';
import type { PersonAccess } from '../../platform/auth/access.ts';
import { isStaff } from '../../platform/auth/roles.ts';
import { type FieldError, Problem } from '../../platform/http/problem.ts';
import { wholeNumber } from '../../platform/http/forms.ts';

/** Staff see a person's plan under /people/:id; the person and their circle under /my/:id. */
export const BASES = ['/people', '/my'] as const;
export type Base = (typeof BASES)[number];

export interface PageFrame {
  base: string;
  personId: string;
  staff: boolean;
  caseHolder: boolean;
}

export function frame(request: FastifyRequest, base: Base): PageFrame {
  const access = request.access as PersonAccess;
  return {
    base: `${base}/${access.personId}`,
    personId: access.personId,
    staff: base === '/people' && isStaff(access.actor.role),
    caseHolder: ['worker', 'manager'].includes(access.actor.role),
  };
}

export const personAccess = (request: FastifyRequest) => request.access as PersonAccess;

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
