import type { FastifyInstance } from 'fastify';

/**
 * A small multipart/form-data reader for the return upload form, so a CSV file can be sent
 * from a plain HTML form with no JavaScript. Registered inside the payments plugin only;
 * bodies are capped by Fastify's body limit (1 MB). Fields become strings; a file field
 * becomes its text content.
 */
export function acceptMultipart(app: FastifyInstance): void {
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer' }, (request, body, done) => {
    const type = request.headers['content-type'] ?? '';
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(type);
    if (!boundary) return done(null, {});
    try {
      done(null, parseMultipart(body as Buffer, boundary[1] ?? boundary[2]!));
    } catch {
      done(null, {});
    }
  });
}

export function parseMultipart(body: Buffer, boundary: string): Record<string, string> {
  const fields: Record<string, string> = {};
  const text = body.toString('utf8');
  for (const part of text.split(`--${boundary}`)) {
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) continue;
    const headers = part.slice(0, headerEnd);
    const name = /name="([^"]*)"/i.exec(headers)?.[1];
    if (!name) continue;
    fields[name] = part.slice(headerEnd + 4).replace(/\r\n$/, '');
  }
  return fields;
}
