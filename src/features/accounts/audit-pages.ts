import type { FastifyPluginAsync } from 'fastify';
import { may } from '../../platform/auth/access.ts';
import { formatDateTime, isIsoDate, todayInLondon } from '../../platform/dates.ts';
import type { FieldError } from '../../platform/http/problem.ts';
import { councilAccess, councilRoute, personAccess, personRoute } from '../../platform/auth/routes.ts';
import type { FeatureDeps } from '../index.ts';
import { machineExport, readableExport } from './export.ts';
import { exportPdf } from './export-pdf.ts';
import { type AuditSearch, BREAK_GLASS_REVIEW_DAYS } from './records.ts';

/** "Who has looked", the subject access copy, and the managers' views of the audit log. */
export const auditPages: FastifyPluginAsync<FeatureDeps> = async (app, { services }) => {
  app.get<{ Params: { personId: string } }>(
    '/people/:personId/who-looked',
    personRoute('audit.own'),
    async (request, reply) => {
      const events = await services.accounts.whoLooked(personAccess(request));
      return reply.render('accounts/views/who-looked.njk', {
        title: 'Who has looked at this record',
        events,
        personId: request.params.personId,
        self: personAccess(request).relationship.kind === 'self',
        backLink: may(personAccess(request), 'caselist.read')
          ? `/people/${request.params.personId}`
          : '/account',
      });
    },
  );

  app.get<{ Params: { personId: string } }>(
    '/people/:personId/export',
    personRoute('audit.own'),
    async (request, reply) => {
      const data = await services.accounts.exportRecord(personAccess(request));
      const copy = readableExport(data);
      return reply.render('accounts/views/export.njk', {
        title: `Everything we hold about ${personName(data.person)}`,
        name: personName(data.person),
        exportedAt: data.exportedAt,
        personId: request.params.personId,
        ...copy,
        backLink: `/people/${request.params.personId}/who-looked`,
      });
    },
  );

  app.get<{ Params: { personId: string } }>(
    '/people/:personId/export.pdf',
    personRoute('audit.own'),
    async (request, reply) => {
      const data = await services.accounts.exportRecord(personAccess(request));
      const name = personName(data.person);
      const made = formatDateTime(data.exportedAt);
      const pdf = await exportPdf({
        name,
        addressing: data.addressing,
        madeAt: made,
        today: todayInLondon(),
        copy: readableExport(data),
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="record-${request.params.personId}.pdf"`)
        .send(pdf);
    },
  );

  app.get<{ Params: { personId: string } }>(
    '/people/:personId/export.json',
    personRoute('audit.own'),
    async (request, reply) => {
      const everything = machineExport(await services.accounts.exportRecord(personAccess(request)));
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="record-${request.params.personId}.json"`)
        .send(JSON.stringify(everything, null, 2));
    },
  );

  app.get('/audit', councilRoute('audit.search'), async (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    const values = {
      personId: query.personId?.trim() ?? '',
      actor: query.actor?.trim() ?? '',
      outcome: query.outcome ?? '',
      from: query.from?.trim() ?? '',
      to: query.to?.trim() ?? '',
    };
    const errors: FieldError[] = [];
    if (
      values.personId &&
      !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(values.personId)
    )
      errors.push({
        field: 'personId',
        message: 'Enter the person’s reference exactly as shown, like 3f2b…',
      });
    for (const [field, label] of [
      ['from', 'From'],
      ['to', 'To'],
    ] as const) {
      if (values[field] && !isIsoDate(values[field]))
        errors.push({ field, message: `${label} must be a real date written like 2026-03-31` });
    }
    if (!errors.length && values.from && values.to && values.from > values.to)
      errors.push({ field: 'to', message: 'To must be the same as or after From' });
    const search: AuditSearch = {
      personId: values.personId || undefined,
      actor: values.actor || undefined,
      outcome: (['allowed', 'denied', 'break_glass'] as const).find((o) => o === values.outcome),
      from: values.from || undefined,
      to: values.to || undefined,
    };
    const events = errors.length ? [] : await services.accounts.searchAudit(councilAccess(request), search);
    return reply
      .status(errors.length ? 400 : 200)
      .render('accounts/views/audit.njk', { title: 'Audit log', events, values, errors });
  });

  app.get('/audit/verify', councilRoute('audit.search'), async (request, reply) => {
    const access = councilAccess(request);
    // The check is itself logged, after it ran, so it never checks its own entry.
    const check = await services.accounts.verifyChainLogged(access);
    return reply.render('accounts/views/audit-verify.njk', {
      title: check.brokenAt === null ? 'The audit log is intact' : 'The audit log has been tampered with',
      check,
      backLink: '/audit',
    });
  });

  app.get('/audit/break-glass', councilRoute('audit.search'), async (request, reply) => {
    const openings = await services.accounts.breakGlassOpenings(councilAccess(request));
    return reply.render('accounts/views/break-glass-review.njk', {
      title: 'Records opened without allocation',
      openings,
      days: BREAK_GLASS_REVIEW_DAYS,
      backLink: '/audit',
    });
  });
};

function personName(person: Record<string, unknown> | undefined): string {
  const name = person?.preferred_name ?? person?.legal_name;
  return typeof name === 'string' && name ? name : 'this person';
}
