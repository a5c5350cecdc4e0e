/**
 * The imports feature's public surface: importing an existing caseload from CSV files (issue 15).
 * The files themselves are the sections their owning features export (people, conversations);
 * this feature runs them.
 */
export { importsFeature } from './routes.ts';
export { importServices, type ImportReport } from './service.ts';
export { IMPORT_SECTIONS } from './sections.ts';
export type { UploadedFile } from './rules.ts';
