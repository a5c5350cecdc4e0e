import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { refuseUnstorableText } from '../../../platform/http/input.ts';
import { MAX_SCAN_BYTES } from './agreement-rules.ts';
import type { ScanInput } from './agreement.ts';

/**
 * multipart/form-data for the agreement form and API, so a scanned copy can be sent from a
 * plain HTML form (no JavaScript) or an API client. Registered only inside the plugins that
 * take a scan (@fastify/multipart is scoped to the plugin it is registered in).
 *
 * - Fields become strings and the one file a Buffer (`attachFieldsToBody: 'keyValues'`), so the
 *   CSRF check (a preHandler, after this) finds `_csrf` as in any form post.
 * - A file over the limit is not an error page: it is cut short (`throwFileSizeLimit: false`)
 *   and remembered as too large, and the service answers with a field error on `scan`.
 * - The app-wide check for unstorable text ran before the body was read, so it runs again here.
 */
const received = new WeakMap<FastifyRequest, { field: string; filename: string; truncated: boolean }>();

export async function acceptScanUploads(app: FastifyInstance): Promise<void> {
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    throwFileSizeLimit: false,
    limits: { fileSize: MAX_SCAN_BYTES, files: 1, fields: 30, fieldSize: 64 * 1024, parts: 31 },
    async onFile(part) {
      await part.toBuffer();
      received.set(this, { field: part.fieldname, filename: part.filename, truncated: part.file.truncated });
    },
  });
  app.addHook('preValidation', refuseUnstorableText);
}

/** The scan the request carried (a file chosen in field `scan`), or null when none was chosen. */
export function uploadedScan(request: FastifyRequest): { scan: ScanInput; filename: string } {
  const info = received.get(request);
  const bytes = (request.body as Record<string, unknown> | undefined)?.scan;
  // A form with no file chosen still sends an empty part with no file name.
  if (info?.field !== 'scan' || !Buffer.isBuffer(bytes) || (bytes.length === 0 && !info.filename))
    return { scan: null, filename: '' };
  return { scan: { kind: 'upload', bytes, truncated: info.truncated }, filename: info.filename };
}
