import { z } from 'zod';

/** The problem+json body every API error has, declared once for the OpenAPI document. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .describe('application/problem+json');

/** Standard error responses for a route that needs a signed-in actor. */
export const errorResponses = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
} as const;

export const uuidParam = (name: string) => z.object({ [name]: z.uuid() });
export const personParams = z.object({ personId: z.uuid() });
