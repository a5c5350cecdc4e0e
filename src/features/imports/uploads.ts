import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { refuseUnstorableText } from '../../platform/http/input.ts';
import { Problem } from '../../platform/http/problem.ts';
import { MAX_IMPORT_BYTES, type UploadedFile } from './rules.ts';

/**
 * multipart/form-data for the import page and API: each file part (any field name; the page's
 * is `files`, chosen several at once) is kept with its file name, which says which file of the
 * import it is (`people.csv`). Registered only inside the imports plugins. Fields become strings,
 * so the CSRF check (a preHandler, after this) finds `_csrf` as in any form post. A file over
 * the limit is cut short and refused with a field error, never an error page.
 */
const received = new WeakMap<FastifyRequest, (UploadedFile & { truncated: boolean })[]>();

export const MAX_IMPORT_FILES = 10;

export async function acceptImportUploads(app: FastifyInstance): Promise<void> {
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    throwFileSizeLimit: false,
    limits: {
      fileSize: MAX_IMPORT_BYTES,
      files: MAX_IMPORT_FILES,
      fields: 10,
      fieldSize: 4 * 1024,
      parts: 20,
    },
    async onFile(part) {
      const bytes = await part.toBuffer();
      const list = received.get(this) ?? [];
      list.push({ name: part.filename, bytes, truncated: part.file.truncated });
      received.set(this, list);
    },
  });
  app.addHook('preValidation', refuseUnstorableText);
}

/** The files the request carried (a form with none chosen sends one empty part with no name). */
export function uploadedFiles(request: FastifyRequest): UploadedFile[] {
  const files = (received.get(request) ?? []).filter((f) => f.name || f.bytes.length);
  if (files.some((f) => f.truncated))
    throw Problem.invalid([
      { field: 'files', message: `Each file must be ${MAX_IMPORT_BYTES / 1024 / 1024} MB or smaller` },
    ]);
  return files.map(({ name, bytes }) => ({ name: name.split(/[\\/]/).pop() ?? name, bytes }));
}
