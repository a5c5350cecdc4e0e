import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, isoDate } from '../../platform/http/api-schemas.ts';
import { councilAccess, councilRoute } from '../../platform/auth/routes.ts';
import type { FeatureDeps } from '../index.ts';
import { DIMENSIONS } from './query.ts';

const shown = z.number().int().nullable().describe('null when fewer than 5 people are behind the figure');
const options = z.object({ 1: shown, 2: shown, 3: shown, 4: shown });
const row = z.object({
  value: z.string().describe('the code of the group; empty when not recorded'),
  label: z.string(),
  people: shown,
  options,
  optionPercent: options,
  weeklySpend: shown.describe('pence a week; null when suppressed'),
  averageWeeklySpend: shown.describe('pence a week per person; null when suppressed'),
  suppressed: z.boolean(),
});

export const reportsApi: FastifyPluginAsync<FeatureDeps> = async (plain, { services }) => {
  const app = plain.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/reports/equity',
    {
      ...councilRoute('reports.aggregate'),
      schema: {
        tags: ['reports'],
        summary: 'Option uptake and spend by client group, age, ethnic group, sex and area (aggregates only)',
        querystring: z
          .object({
            asOf: isoDate.optional().describe('the date ages are worked out on; today if left out'),
          })
          .strict(),
        response: {
          200: z.object({
            asOf: z.iso.date(),
            total: row,
            dimensions: z.array(
              z.object({ dimension: z.enum(DIMENSIONS), label: z.string(), rows: z.array(row) }),
            ),
            basis: z.string(),
            suppression: z.string(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => services.reports.equity(councilAccess(request), request.query.asOf),
  );
};
