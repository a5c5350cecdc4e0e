/**
 * The council feature's public surface: other features, src/app.ts, src/cli, the seeders and the
 * feature list import only this file (a `schema.ts` may import another feature's `schema.ts` for
 * foreign keys). Add an export here only when another part of the code needs it.
 */
export { councilFeature } from './routes.ts';
export { councilSettingsServices, councilStreams } from './service.ts';
export { type FundingStreamView, nationalStreams, streamChoiceError, streamLabel } from './rules.ts';
