import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FIRST_WAIT_SECONDS,
  FREE_FAILURES,
  MAX_WAIT_SECONDS,
  secondsLeft,
  signInWaitSeconds,
  waitMessage,
} from './rules.ts';

const failures = fc.integer({ min: 0, max: 10_000 });

describe('the sign-in slowdown schedule', () => {
  it('never waits for the first few slips', () => {
    for (let n = 0; n < FREE_FAILURES; n++) expect(signInWaitSeconds(n)).toBe(0);
    expect(signInWaitSeconds(FREE_FAILURES)).toBe(FIRST_WAIT_SECONDS);
  });

  it('is a whole number of seconds between 0 and the longest wait, never a lockout', () => {
    fc.assert(
      fc.property(failures, (n) => {
        const wait = signInWaitSeconds(n);
        return Number.isInteger(wait) && wait >= 0 && wait <= MAX_WAIT_SECONDS;
      }),
    );
  });

  it('never shortens as wrong attempts go on, and doubles until the longest wait', () => {
    fc.assert(
      fc.property(failures, (n) => {
        const now = signInWaitSeconds(n);
        const next = signInWaitSeconds(n + 1);
        if (next < now) return false;
        return n < FREE_FAILURES || next === Math.min(MAX_WAIT_SECONDS, now * 2);
      }),
    );
  });

  it('reaches the longest wait and stays there', () => {
    fc.assert(
      fc.property(fc.integer({ min: FREE_FAILURES + 10, max: 1_000_000 }), (n) => {
        return signInWaitSeconds(n) === MAX_WAIT_SECONDS;
      }),
    );
  });

  it('counts seconds left up, and none once the time has passed', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), (ms) => {
        const now = new Date(1_800_000_000_000);
        const left = secondsLeft(new Date(now.getTime() + ms), now);
        return ms <= 0 ? left === 0 : left >= 1 && left * 1000 >= ms && (left - 1) * 1000 < ms;
      }),
    );
  });

  it('says how long to wait in plain words', () => {
    expect(waitMessage(1)).toMatch(/Try again in 1 second\.$/);
    expect(waitMessage(40)).toMatch(/Try again in 40 seconds\.$/);
    expect(waitMessage(300)).toMatch(/Try again in 5 minutes\.$/);
  });
});
