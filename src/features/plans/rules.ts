/**
 * Support plan rules in one place: content, costs, restrictions, SDS options, the lifecycle
 * and "what changed" between versions. Each lives in its own file; this re-exports them.
 */
export * from './completeness.ts';
export * from './content.ts';
export * from './costs.ts';
export * from './diff.ts';
export * from './lifecycle.ts';
export * from './options.ts';
export * from './restrictions.ts';
