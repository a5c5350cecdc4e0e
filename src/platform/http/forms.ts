import type { FastifyReply } from 'fastify';
import { INT4_MAX } from './api-schemas.ts';
import { Problem } from './problem.ts';

/**
 * The GOV.UK question-page pattern on the server: run the work; if it is refused for bad
 * input, show the same page again with the error summary, inline messages and the
 * person's answers kept (status 400). Anything else goes to the error handler.
 */
export async function submitForm(
  reply: FastifyReply,
  page: { template: string; context: Record<string, unknown>; values: unknown },
  work: () => Promise<FastifyReply | undefined | undefined>,
): Promise<FastifyReply> {
  try {
    const result = await work();
    return (result as FastifyReply | undefined) ?? reply;
  } catch (error) {
    if (error instanceof Problem && (error.status === 400 || error.status === 409) && error.errors.length) {
      return reply
        .status(error.status)
        .render(page.template, { ...page.context, values: page.values, errors: error.errors });
    }
    if (error instanceof Problem && error.status === 409) {
      return reply.status(409).render(page.template, {
        ...page.context,
        values: page.values,
        errors: [{ field: 'version', message: error.detail ?? error.title }],
      });
    }
    throw error;
  }
}

/** A form field as text (urlencoded bodies give strings; missing gives ''). */
export function field(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}

/**
 * A whole number typed into a form or address (a version, a page, a plan version): digits only,
 * and no more than a PostgreSQL integer holds, or undefined. The pages' one reader of numbers
 * that reach an integer column, as `queryInt4` is the API's.
 */
export function wholeNumber(text: unknown): number | undefined {
  if (typeof text !== 'string' || !/^\d{1,10}$/.test(text.trim())) return undefined;
  const value = Number(text.trim());
  return value <= INT4_MAX ? value : undefined;
}
