import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, isoDate } from '../../platform/http/api-schemas.ts';
import { SUPPORT_KINDS, SUPPORT_STAGES } from '../people/index.ts';
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

const advocacyRow = z.object({
  stage: z.string().describe("the stage's code; 'all' for every stage"),
  kind: z
    .string()
    .nullable()
    .describe(`${Object.keys(SUPPORT_KINDS).join(', ')}; null: every kind of support at this stage`),
  label: z.string(),
  answers: shown.describe('people with an answer recorded, offered or not'),
  offered: shown,
  accepted: shown,
  declined: shown,
  waiting: shown.describe('offered, no answer yet'),
  notOffered: shown,
  takeUpPercent: shown.describe('accepted as a whole percent of offered; null when hidden or none offered'),
  suppressed: z.boolean().describe('fewer than 5 answers: nothing in the row is shown'),
  partlyHidden: z.boolean().describe('figures hidden so that no small number can be worked out'),
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

  app.get(
    '/api/v1/reports/advocacy',
    {
      ...councilRoute('reports.aggregate'),
      schema: {
        tags: ['reports'],
        summary: 'Independent advocacy and support offered and taken up, by stage and kind (aggregates only)',
        querystring: z.object({}).strict(),
        response: {
          200: z.object({
            asOf: z.iso.date(),
            stages: z.array(
              z.object({
                stage: z.string().describe(Object.keys(SUPPORT_STAGES).join(', ')),
                label: z.string(),
                asked: z.boolean().describe('the stage’s page asks until an answer is recorded'),
                total: advocacyRow,
                byKind: z.array(advocacyRow),
              }),
            ),
            total: advocacyRow,
            basis: z.string(),
            suppression: z.string(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => services.reports.advocacy(councilAccess(request)),
  );
};
