/**
 * The provider-view feature's public surface: other features, src/app.ts, src/cli, the seeders and
 * the feature list import only this file. Add an export here only when another part of the code needs it.
 */
export { providerViewFeature } from './routes.ts';
export { providerViewServices } from './service.ts';
