import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { safeError, safeUrl } from './logging.ts';

describe('what may be logged', () => {
  it('a failed query: its SQL and code, never its parameters or the database’s message and detail', () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "people_chi"'), {
      code: '23505',
      severity: 'ERROR',
      constraint: 'people_chi',
      detail: 'Key (chi_number)=(1403790123) already exists.',
    });
    const error = new DrizzleQueryError(
      'insert into people (legal_name, chi_number) values ($1, $2)',
      ['Ada Personal', '1403790123'],
      cause,
    );
    const logged = JSON.stringify(safeError(error));
    expect(logged).toContain('insert into people (legal_name, chi_number) values ($1, $2)');
    expect(logged).toContain('23505');
    expect(logged).toContain('people_chi');
    expect(logged).not.toContain('Ada Personal');
    expect(logged).not.toContain('1403790123');
  });

  it('any other error as usual', () => {
    expect(safeError(new TypeError('x is not a function'))).toMatchObject({
      type: 'TypeError',
      message: 'x is not a function',
    });
  });

  it('a URL: the path, with query values and token-like segments replaced', () => {
    expect(safeUrl('/people?q=Ada+Personal&page=2')).toBe('/people?q=[redacted]&page=[redacted]');
    expect(safeUrl('/people/4deea18c-9250-4d04-b45f-b2ceecc35e5d/plan')).toBe(
      '/people/4deea18c-9250-4d04-b45f-b2ceecc35e5d/plan',
    );
    expect(safeUrl('/invitation/Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eHF1dXg')).toBe('/invitation/[redacted]');
  });
});
