/**
 * The councils feature's public surface (the platform operator sets councils up): src/app.ts,
 * the feature list and the services import only this file.
 */
export { councilsFeature } from './routes.ts';
export { councilAdminServices } from './service.ts';
