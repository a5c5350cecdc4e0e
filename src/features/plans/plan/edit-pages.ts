import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { personAccess, personRoute } from '../../../platform/auth/routes.ts';
import { dateField, dateInputId, field, submitForm } from '../../../platform/http/forms.ts';
import { Problem } from '../../../platform/http/problem.ts';
import { parsePounds } from '../../../platform/money/index.ts';
import type { FeatureDeps } from '../../index.ts';
import type { SupportPlanContent } from './content.ts';
import type { CostLine, ProviderKind } from './costs.ts';
import type { SdsOption } from '../options/rules.ts';
import { asItemErrors, type Base, BASES, frame, formRowVersion } from './page-helpers.ts';
import { PLAN_WORDS, streamWords } from './pages.ts';
import { applyPersonPart } from './service.ts';
import type { Restriction, RestrictionReasonKind } from './restrictions.ts';

type Section = 'about' | 'outcome' | 'risk' | 'cost-line' | 'restriction' | 'non-negotiable';
type Params = { personId: string; index?: string };

/** Staff-only sections: the money and its limits are the council's to write down, with reasons. */
const STAFF_ONLY: Section[] = ['cost-line', 'restriction', 'non-negotiable'];
const REMOVABLE = {
  'cost-line': 'costLines',
  restriction: 'restrictions',
  'non-negotiable': 'nonNegotiables',
  risk: 'risks',
} as const;

/**
 * One question page per part of the plan. The person and their circle write their own
 * sections; workers write everything. Each save is a new version of the plan.
 */
export const planEditPages: FastifyPluginAsync<FeatureDeps> = async (app, { services }) => {
  const editPage = async (request: FastifyRequest<{ Params: Params }>, base: Base, section: Section) => {
    const access = personAccess(request);
    const f = frame(access, base);
    if (STAFF_ONLY.includes(section) && !f.staff)
      throw Problem.forbidden('Only the person’s worker can change this part of the plan.');
    const view = await services.plans.overview(access);
    const index = request.params.index;
    return {
      template: `plans/plan/views/edit-${section}.njk`,
      context: {
        ...f,
        ...view,
        ...PLAN_WORDS,
        ...streamWords(view.councilFundingStreams),
        index,
        title: TITLES[section],
        backLink: `${f.base}/plan`,
      },
      view,
      index: index === undefined || index === 'new' ? null : Number(index),
    };
  };

  for (const base of BASES) {
    for (const section of [
      'about',
      'outcome',
      'risk',
      'cost-line',
      'restriction',
      'non-negotiable',
    ] as const) {
      // The staff-only sections exist only on the staff side, so every route's rule says who may use it.
      if (base === '/my' && STAFF_ONLY.includes(section)) continue;
      const path =
        section === 'outcome' || section === 'risk'
          ? `${base}/:personId/plan/edit/${section}/:index`
          : `${base}/:personId/plan/edit/${section}`;
      const permission = STAFF_ONLY.includes(section) ? 'case.write' : 'own_words.write';
      app.get<{ Params: Params }>(path, personRoute(permission), async (request, reply) => {
        const page = await editPage(request, base, section);
        return reply.render(page.template, {
          ...page.context,
          values: currentValues(section, page.view.content, page.index),
        });
      });
      app.post<{ Params: Params }>(path, personRoute(permission), async (request, reply) => {
        const page = await editPage(request, base, section);
        const values = request.body as Record<string, string>;
        return submitForm(reply, { ...page, values }, async () => {
          const change = changeFor(
            section,
            request.body,
            page.index,
            page.context.staff && page.context.caseHolder,
          );
          await asItemErrors(
            () =>
              services.plans.edit(
                personAccess(request),
                formRowVersion(field(request.body, 'rowVersion')),
                change,
                page.context.staff ? 'plan.edit' : 'plan.edit_own_words',
              ),
            { decidedOn: dateInputId('decidedOn'), reviewOn: dateInputId('reviewOn') },
          );
          return reply.redirect(`${page.context.base}/plan?saved=1`, 303);
        });
      });
    }

    // Taking something out of the plan: a confirmation page, then a new version without it.
    const removePath = `${base}/:personId/plan/remove/:kind/:index`;
    type RemoveParams = { personId: string; kind: keyof typeof REMOVABLE; index: string };
    const removeAccess = personRoute('own_words.write');
    const removal = async (request: FastifyRequest<{ Params: RemoveParams }>) => {
      const access = personAccess(request);
      const f = frame(access, base);
      const list = REMOVABLE[request.params.kind];
      if (!list || (list !== 'risks' && !f.staff)) throw Problem.notFound('Page');
      const view = await services.plans.overview(access);
      const index = Number(request.params.index);
      const item = (view.content[list] as { description: string }[])[index];
      if (!item || !view.plan) throw Problem.notFound('Part of the plan');
      return { f, view, list, index, item };
    };
    app.get<{ Params: RemoveParams }>(removePath, removeAccess, async (request, reply) => {
      const { f, view, item } = await removal(request);
      return reply.render('plans/plan/views/remove.njk', {
        ...f,
        title: 'Take this out of the plan?',
        item,
        rowVersion: view.plan!.rowVersion,
        backLink: `${f.base}/plan`,
      });
    });
    app.post<{ Params: RemoveParams }>(removePath, removeAccess, async (request, reply) => {
      const { f, list, index } = await removal(request);
      await services.plans.edit(
        personAccess(request),
        formRowVersion(field(request.body, 'rowVersion')),
        (content) => ({ ...content, [list]: (content[list] as unknown[]).filter((_, i) => i !== index) }),
        'plan.edit',
      );
      return reply.redirect(`${f.base}/plan?saved=1`, 303);
    });
  }
};

/** The cost-line answers that name no account: not chosen yet, or given by someone without an account here. */
const NOT_NAMED = ['not-decided', 'no-account'];

const TITLES: Record<Section, string> = {
  about: 'About me, and if things go wrong',
  outcome: 'How this will happen',
  risk: 'A risk I choose to take',
  'cost-line': 'Add a piece of support and its cost',
  restriction: 'Add a limit on how the money can be used',
  'non-negotiable': 'Add something a legal order requires',
};

function currentValues(
  section: Section,
  content: SupportPlanContent,
  index: number | null,
): Record<string, string> {
  if (section === 'about') return { aboutMe: content.aboutMe ?? '', contingency: content.contingency };
  if (section === 'outcome' && index !== null) {
    const o = content.outcomes[index];
    if (!o) throw Problem.notFound('Outcome');
    return { howMet: o.howMet, flexibility: o.flexibility ?? '', workerView: o.workerView };
  }
  if (section === 'risk' && index !== null) {
    const r = content.risks[index];
    if (!r) throw Problem.notFound('Risk');
    return {
      description: r.description,
      personView: r.personView ?? '',
      howEnabled: r.howEnabled,
      whatAgreed: r.whatAgreed ?? '',
    };
  }
  return {};
}

/** What a form post changes. The person's side can only change their own words. */
function changeFor(section: Section, body: unknown, index: number | null, caseHolder: boolean) {
  const text = (name: string) => field(body, name);
  return (content: SupportPlanContent): SupportPlanContent => {
    switch (section) {
      case 'about':
        return applyPersonPart(content, { aboutMe: text('aboutMe'), contingency: text('contingency') });
      case 'outcome': {
        const outcome = index === null ? undefined : content.outcomes[index];
        if (!outcome) throw Problem.notFound('Outcome');
        const next = applyPersonPart(content, {
          outcomes: [{ ref: outcome.ref, howMet: text('howMet'), flexibility: text('flexibility') }],
        });
        if (caseHolder) next.outcomes[index!]!.workerView = text('workerView').trim();
        return next;
      }
      case 'risk': {
        if (!text('description').trim())
          throw Problem.invalid([{ field: 'description', message: 'Describe the risk' }]);
        const risk = {
          description: text('description').trim(),
          personView: text('personView').trim(),
          howEnabled: caseHolder
            ? text('howEnabled').trim()
            : ((index !== null ? content.risks[index]?.howEnabled : '') ?? ''),
          whatAgreed: caseHolder
            ? text('whatAgreed').trim()
            : ((index !== null ? content.risks[index]?.whatAgreed : '') ?? ''),
        };
        const risks = [...content.risks];
        if (index === null) risks.push(risk);
        else if (risks[index]) risks[index] = risk;
        else throw Problem.notFound('Risk');
        return { ...content, risks };
      }
      case 'cost-line': {
        const pence = parsePounds(text('weeklyCost'));
        if (pence === null)
          throw Problem.invalid([
            { field: 'weeklyCost', message: 'Enter the weekly cost in pounds and pence, like 85.60' },
          ]);
        const line: CostLine = {
          outcomeRef: text('outcomeRef'),
          description: text('description').trim(),
          providerKind: text('providerKind') as ProviderKind,
          frequency: text('frequency').trim(),
          weeklyCost: pence,
          fundingStream: text('fundingStream'),
          sdsOption: Number(text('sdsOption')) as SdsOption,
        };
        // An account id, checked by the service against the providers working with the person.
        const deliveredBy = text('deliveredBy');
        if (deliveredBy && !NOT_NAMED.includes(deliveredBy)) line.deliveredBy = deliveredBy;
        return { ...content, costLines: [...content.costLines, line] };
      }
      case 'restriction': {
        const restriction: Restriction = {
          description: text('description').trim(),
          reasonKind: text('reasonKind') as RestrictionReasonKind,
          reasonDetail: text('reasonDetail').trim(),
          decidedBy: text('decidedBy').trim(),
          decidedOn: dateField(body, 'decidedOn'),
          reviewOn: dateField(body, 'reviewOn'),
        };
        return { ...content, restrictions: [...content.restrictions, restriction] };
      }
      case 'non-negotiable':
        return {
          ...content,
          nonNegotiables: [
            ...content.nonNegotiables,
            { description: text('description').trim(), legalOrder: text('legalOrder').trim() },
          ],
        };
    }
  };
}
