/**
 * Slowing down password guessing without locking anyone out.
 *
 * Decision (issue 12, item 12): a per-account slowdown, not a lockout and not an unlock by
 * e-mail. A lockout lets anyone who knows a worker's e-mail address keep them out with five
 * wrong passwords. An unlock link needs a mail server, which this product does not have
 * (invitations are shown to the administrator), and still leaves the worker locked until
 * they read their mail. A slowdown never refuses the right password outright: after a few
 * wrong attempts the next attempt on that e-mail address must wait, the wait doubles with
 * each further wrong attempt up to a few minutes, and the right password after the wait
 * always signs in. The guesser gets one guess per wait whatever address they use; the
 * worker waits at most MAX_WAIT_SECONDS.
 *
 * The slowdown is kept per e-mail address as typed (hashed), known or not, so the answers
 * are the same for an account that exists and one that does not.
 */

/** Wrong attempts allowed without waiting (typing slips). */
export const FREE_FAILURES = 5;
/** The first wait, in seconds; each further wrong attempt doubles it. */
export const FIRST_WAIT_SECONDS = 5;
/** The longest wait, in seconds. */
export const MAX_WAIT_SECONDS = 300;
/** After this long without a wrong attempt, earlier ones are forgotten. */
export const FORGET_AFTER_SECONDS = 24 * 60 * 60;

/** How long the next attempt must wait after this many wrong attempts in a row. */
export function signInWaitSeconds(failures: number): number {
  if (!Number.isFinite(failures) || failures < FREE_FAILURES) return 0;
  const doublings = Math.min(failures - FREE_FAILURES, 32);
  return Math.min(MAX_WAIT_SECONDS, FIRST_WAIT_SECONDS * 2 ** doublings);
}

/** Whole seconds left until `notBefore`, never less than 1 while it is in the future. */
export function secondsLeft(notBefore: Date, now: Date): number {
  const ms = notBefore.getTime() - now.getTime();
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}

/** The words for a wait, the same for every e-mail address. */
export function waitMessage(seconds: number): string {
  const when =
    seconds <= 90
      ? `${seconds} ${seconds === 1 ? 'second' : 'seconds'}`
      : `${Math.ceil(seconds / 60)} minutes`;
  return `There have been too many wrong attempts to sign in with this email address. Try again in ${when}.`;
}
