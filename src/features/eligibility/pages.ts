import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { may, type PersonAccess } from '../../platform/auth/access.ts';
import { personAccess, personRoute } from '../../platform/auth/routes.ts';
import { opensInEasyRead, presentEasyRead } from '../../platform/easy-read/index.ts';
import { submitForm } from '../../platform/http/forms.ts';
import { eligibilityEasyRead } from './easy-read.ts';
import type { FeatureDeps } from '../index.ts';
import { assessmentFromForm, formValues, signpostingFromForm, signpostingLinksText } from './forms.ts';
import {
  CARE_ACT_OUTCOMES,
  type CareActOutcome,
  type EligibilityAssessment,
  SCOTLAND_BANDS,
  type ScotlandRiskArea,
  SCOTLAND_RISK_AREAS,
  UNABLE_REASONS,
} from './rules.ts';

type PersonRoute = { Params: { personId: string } };

const list = <T extends string>(
  table: Readonly<Record<T, { label: string; plain: string; description: string }>>,
) => (Object.keys(table) as T[]).map((code) => ({ code, ...table[code] }));

/** Reference lists the decision form and record show, in the rules' order. */
const REFERENCE = {
  areas: list(SCOTLAND_RISK_AREAS),
  bands: list(SCOTLAND_BANDS),
  outcomes: list(CARE_ACT_OUTCOMES),
  unableReasons: list(UNABLE_REASONS),
  evidenceRows,
};

/** The evidence behind a decision, one row per area or outcome, for the summary list. */
export function evidenceRows(assessment: EligibilityAssessment) {
  if (assessment.framework === 'scotland') {
    const rows = REFERENCE_AREAS.map((area) => {
      const entry = assessment.areas[area];
      return {
        label: SCOTLAND_RISK_AREAS[area].label,
        result: SCOTLAND_BANDS[entry.band]?.label ?? entry.band,
        evidence: entry.evidence || 'No risk found.',
      };
    });
    if (assessment.statutoryOrder)
      rows.unshift({
        label: 'Order requiring support',
        result: assessment.statutoryOrder.kind === 'court' ? 'Court order' : "Children's Hearing",
        evidence: assessment.statutoryOrder.detail,
      });
    return rows;
  }
  return [
    {
      label: 'Needs from an impairment or illness',
      result: assessment.impairment.met ? 'Yes' : 'No',
      evidence: assessment.impairment.evidence,
    },
    ...(Object.keys(assessment.outcomes) as CareActOutcome[]).map((outcome) => ({
      label: CARE_ACT_OUTCOMES[outcome].label,
      result:
        assessment.outcomes[outcome]!.unable.map((r) => UNABLE_REASONS[r].label).join('; ') || 'Can achieve',
      evidence: assessment.outcomes[outcome]!.evidence,
    })),
    {
      label: 'Significant impact on wellbeing',
      result: assessment.wellbeing.significantImpact ? 'Yes' : 'No',
      evidence: assessment.wellbeing.evidence,
    },
  ];
}
/**
 * What the viewer may do on the eligibility record, asked of the policy: staff (who work from
 * the case list) see the case view, and those who do the case's work may record a decision.
 */
export function eligibilityPolicies(access: PersonAccess) {
  return { staff: may(access, 'caselist.read'), mayDecide: may(access, 'case.write') };
}
const REFERENCE_AREAS = Object.keys(SCOTLAND_RISK_AREAS) as ScotlandRiskArea[];

export const eligibilityPages: FastifyPluginAsync<FeatureDeps> = async (app, { services }) => {
  /** The latest decision in Easy Read (platform/easy-read), from the record the standard page shows. */
  const easyReadPage = (
    reply: FastifyReply,
    access: PersonAccess,
    record: Awaited<ReturnType<typeof services.eligibility.record>>,
  ) => {
    const latest = record.decisions[0] ?? null;
    return reply.render('easy-read-page.njk', {
      title: 'Can the council pay for your support? (Easy Read)',
      heading: 'Can the council pay for your support?',
      lines: presentEasyRead(eligibilityEasyRead({ decision: latest })),
      standardHref: `/people/${access.personId}/eligibility?version=standard`,
      links: latest?.signposting?.links ?? [],
      backLink: may(access, 'caselist.read') ? `/people/${access.personId}` : '/my',
    });
  };

  app.get<PersonRoute>(
    '/people/:personId/eligibility/easy-read',
    personRoute('record.read'),
    async (request, reply) => {
      const access = personAccess(request);
      return easyReadPage(reply, access, await services.eligibility.record(access));
    },
  );

  app.get<PersonRoute>(
    '/people/:personId/eligibility',
    personRoute('record.read'),
    async (request, reply) => {
      const access = personAccess(request);
      const record = await services.eligibility.record(access);
      // The person's recorded need for Easy Read opens it here; the standard version is one click away.
      if (opensInEasyRead(record.person.communicationNeeds, access.relationship.kind, request.query))
        return easyReadPage(reply, access, record);
      const { staff, mayDecide } = eligibilityPolicies(access);
      return reply.render('eligibility/views/record.njk', {
        title: staff ? `Eligibility: ${record.person.name}` : 'Can the council pay for your support?',
        ...record,
        ...REFERENCE,
        staff,
        mayDecide,
        backLink: staff ? `/people/${request.params.personId}` : '/my',
      });
    },
  );

  const decisionPage = async (access: PersonAccess) => {
    const record = await services.eligibility.record(access);
    return {
      template: 'eligibility/views/decide.njk',
      context: {
        title: `Decide eligibility: ${record.person.name}`,
        ...record,
        ...REFERENCE,
        backLink: `/people/${access.personId}/eligibility`,
      },
    };
  };

  app.get<PersonRoute>(
    '/people/:personId/eligibility/new',
    personRoute('case.write'),
    async (request, reply) => {
      const page = await decisionPage(personAccess(request));
      const policy = page.context.policy;
      return reply.render(page.template, {
        ...page.context,
        values: {
          'signposting.text': policy?.signposting.text ?? '',
          'signposting.links': signpostingLinksText(policy?.signposting),
        },
      });
    },
  );

  app.post<PersonRoute>(
    '/people/:personId/eligibility',
    personRoute('case.write'),
    async (request, reply) => {
      const access = personAccess(request);
      const page = await decisionPage(access);
      const framework = page.context.policy?.framework ?? 'scotland';
      return submitForm(reply, { ...page, values: formValues(request.body) }, async () => {
        await services.eligibility.recordDecision(access, {
          assessment: assessmentFromForm(framework, request.body),
          signposting: signpostingFromForm(request.body),
        });
        return reply.redirect(`/people/${access.personId}/eligibility`, 303);
      });
    },
  );
};
