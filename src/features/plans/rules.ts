/**
 * Support plan rules in one place: content, costs, restrictions, SDS options, the lifecycle
 * and "what changed" between versions. Each lives in its own file; this re-exports them.
 */
export * from './plan/completeness.ts';
export * from './plan/content.ts';
export * from './plan/costs.ts';
export * from './plan/diff.ts';
export * from './plan/rules.ts';
export * from './options/rules.ts';
export * from './plan/restrictions.ts';
