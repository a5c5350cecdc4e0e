import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { councilAccess, councilRoute } from '../../../platform/auth/routes.ts';
import { errorResponses, isoDate, pence, problemSchema } from '../../../platform/http/api-schemas.ts';
import type { FeatureDeps } from '../../index.ts';
import { pick, transferSchema } from '../api-schemas.ts';

export const ledgerApi: FastifyPluginAsync<FeatureDeps> = async (plain, { services }) => {
  const app = plain.withTypeProvider<ZodTypeProvider>();

  // The ledger.
  const ledger = councilRoute('ledger.manage');
  app.post(
    '/api/v1/ledger/transfers',
    {
      ...ledger,
      schema: {
        tags: ['ledger'],
        summary: 'Post an adjustment between two accounts (idempotent: the same key posts once)',
        body: z
          .object({
            idempotencyKey: z.string().min(8).max(200),
            debitAccount: z.string().min(3).max(200),
            creditAccount: z.string().min(3).max(200),
            amount: pence.min(1),
            postedOn: isoDate,
            description: z.string().min(1).max(500),
          })
          .strict(),
        response: { 201: transferSchema, 200: transferSchema, ...errorResponses, 409: problemSchema },
      },
    },
    async (request, reply) => {
      const { transfer, replayed } = await services.payments.postAdjustment(
        councilAccess(request),
        request.body,
      );
      return reply.status(replayed ? 200 : 201).send(pick(transferSchema, transfer));
    },
  );

  app.post(
    '/api/v1/ledger/transfers/:transferId/reversal',
    {
      ...ledger,
      schema: {
        tags: ['ledger'],
        summary: 'Correct a transfer by posting its mirror (once only; the same key replays)',
        params: z.object({ transferId: z.uuid() }),
        body: z
          .object({ idempotencyKey: z.string().min(8).max(200), reason: z.string().min(1).max(500) })
          .strict(),
        response: { 201: transferSchema, 200: transferSchema, ...errorResponses, 409: problemSchema },
      },
    },
    async (request, reply) => {
      const { transfer, replayed } = await services.payments.reverseTransfer(
        councilAccess(request),
        request.params.transferId,
        request.body,
      );
      return reply.status(replayed ? 200 : 201).send(pick(transferSchema, transfer));
    },
  );

  app.get(
    '/api/v1/ledger/balances',
    {
      ...ledger,
      schema: {
        tags: ['ledger'],
        summary: 'Every account’s balance from its entries, and the ledger’s invariant check',
        response: {
          200: z.object({
            accounts: z.array(
              z.object({ account: z.string(), debits: pence, credits: pence, balance: pence }),
            ),
            transfers: z.number().int(),
            problems: z.array(z.string()),
          }),
          401: problemSchema,
          403: problemSchema,
        },
      },
    },
    async (request) => services.payments.ledgerBalances(councilAccess(request)),
  );
};
