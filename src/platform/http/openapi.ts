import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/** API tags, in the order the reference lists them. Features add theirs here. */
export const API_TAGS = [
  { name: 'auth', description: 'Tokens for API clients.' },
  { name: 'audit', description: 'Who looked at a record; the audit chain; subject access exports.' },
  { name: 'people', description: 'People, their circle of support, representatives and legal status.' },
  {
    name: 'invitations',
    description:
      'Invitations to accounts linked to a record: create, list, stop, and the invited person’s check and acceptance.',
  },
  { name: 'conversations', description: 'Good conversations in the person’s own words.' },
  {
    name: 'outcomes',
    description: 'Personal outcomes: the person’s words with the worker’s view beside them.',
  },
  { name: 'eligibility', description: 'Eligibility decisions with reasons and the route to a review.' },
  { name: 'budgets', description: 'Indicative and agreed budgets, each with its explanation.' },
  { name: 'policies', description: 'Published, versioned budget and eligibility policies.' },
  { name: 'options', description: 'The four self-directed support options.' },
  { name: 'plans', description: 'Support plans, their versions, signatures and agreement.' },
  { name: 'payments', description: 'Direct-payment agreements, payment runs and returns.' },
  { name: 'ledger', description: 'The double-entry ledger behind direct payments.' },
  { name: 'charging', description: 'Financial assessments and contributions, explained.' },
  { name: 'reports', description: 'Equity: option uptake and spend by group, aggregates only.' },
  {
    name: 'council',
    description:
      'The council’s own settings: its funding streams and the address and contact details its letters show.',
  },
  { name: 'reference', description: 'The fixed code lists the API takes, each code with a plain label.' },
];

/**
 * The OpenAPI 3.1 document is generated from the same Zod schemas that validate the API's
 * requests and responses, so the reference can never drift from what the server enforces.
 */
export const apiDocs = fp(
  async (app: FastifyInstance) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Selfdirect API',
          version: '1',
          description:
            'JSON API for self-directed support. Authenticate with a bearer token from POST /api/v1/auth/token. Errors are application/problem+json with field-level details.',
        },
        components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
        security: [{ bearer: [] }],
        tags: API_TAGS,
      },
      transform: (input) => {
        if (!input.url.startsWith('/api/v1/'))
          return { schema: { ...input.schema, hide: true }, url: input.url };
        return withContentTypes(jsonSchemaTransform(input), input.schema);
      },
    });

    app.get('/api/openapi.json', { config: { access: 'public' } }, async () => app.swagger());

    app.get('/api/docs', { config: { access: 'public' } }, async (_request, reply) => {
      const document = app.swagger() as unknown as OpenApiDocument;
      return reply.render('api-docs.njk', { title: 'API reference', tags: groupByTag(document) });
    });
  },
  { name: 'api-docs' },
);

/**
 * Each response's media types as served: errors are application/problem+json; a success is
 * application/json unless the route says what it produces (`schema.produces`, e.g. a CSV file).
 */
function withContentTypes<T extends { schema: unknown }>(transformed: T, original: unknown): T {
  const schema = transformed.schema as { response?: Record<string, unknown>; produces?: string[] };
  const produces = (original as { produces?: string[] } | undefined)?.produces;
  if (!schema.response) return transformed;
  const response: Record<string, unknown> = {};
  for (const [status, body] of Object.entries(schema.response)) {
    const { description, ...rest } = body as { description?: string };
    if ((rest as { type?: string }).type === 'null') {
      response[status] = body;
      continue;
    }
    const types = Number(status) >= 400 ? ['application/problem+json'] : (produces ?? ['application/json']);
    response[status] = {
      ...(description ? { description } : {}),
      content: Object.fromEntries(types.map((type) => [type, { schema: rest }])),
    };
  }
  return { ...transformed, schema: { ...schema, response } };
}

interface OpenApiOperation {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; description?: string }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string }>;
}
interface OpenApiDocument {
  paths?: Record<string, Record<string, OpenApiOperation>>;
}

/** A readable reference that works without JavaScript: operations grouped by tag. */
function groupByTag(document: OpenApiDocument) {
  const groups = API_TAGS.map((tag) => ({ ...tag, operations: [] as unknown[] }));
  for (const [path, methods] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(methods)) {
      const tag = operation.tags?.[0] ?? 'other';
      const group = groups.find((g) => g.name === tag);
      const body = operation.requestBody?.content?.['application/json']?.schema;
      group?.operations.push({
        method: method.toUpperCase(),
        path,
        summary: operation.summary ?? '',
        description: operation.description ?? '',
        parameters: operation.parameters ?? [],
        body: body ? JSON.stringify(body, null, 2) : null,
        responses: Object.entries(operation.responses ?? {}).map(([status, r]) => ({
          status,
          description: r.description ?? '',
        })),
      });
    }
  }
  return groups.filter((g) => g.operations.length > 0);
}
