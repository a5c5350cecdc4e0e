import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { personAccess, personRoute } from '../../../platform/auth/routes.ts';
import { formatDate, isIsoDate } from '../../../platform/dates.ts';
import { dateField, dateParts, field, submitForm, wholeNumber } from '../../../platform/http/forms.ts';
import type { FeatureDeps } from '../../index.ts';
import type { AgreementInput, ScanInput } from './agreement.ts';
import { AGREEMENT_WAYS, isAgreementWay, SCAN_TYPES, type ScanType, sizeText } from './agreement-rules.ts';
import { BASES, formRowVersion } from './page-helpers.ts';
import { acceptScanUploads, uploadedScan } from './uploads.ts';

/**
 * Recording how someone without an account agreed the shared plan: the question page (with an
 * optional scanned copy) → check your answers → saved, all without JavaScript. The check page
 * carries the answers in hidden fields, as platform/http/question-flow.ts does, and the scan
 * by the id it was staged under (agreement-files.ts) with its SHA-256, so the file saved is the
 * file checked. Those holding the case (`case.write`) record; anyone who may read the plan may
 * download the scan (audited).
 */
const FIELDS = ['way', 'representativeId', 'witnessName', 'witnessRole', 'notes'] as const;
const SCAN_FIELDS = ['scanId', 'scanSha256', 'scanName', 'scanBytes', 'scanType'] as const;

type Values = Record<string, string>;

function readValues(body: unknown): Values {
  const values: Values = {};
  for (const name of [...FIELDS, ...SCAN_FIELDS, 'rowVersion', 'version']) values[name] = field(body, name);
  const parts = dateParts(body, 'agreedOn');
  values['agreedOn-day'] = parts.day.trim();
  values['agreedOn-month'] = parts.month.trim();
  values['agreedOn-year'] = parts.year.trim();
  values.agreedOn = dateField(body, 'agreedOn');
  // A representative is asked for only when the plan was agreed through one.
  if (values.way !== 'representative') values.representativeId = '';
  return values;
}

function toInput(values: Values): AgreementInput {
  return {
    rowVersion: formRowVersion(values.rowVersion ?? '') ?? 0,
    version: wholeNumber(values.version) ?? 0,
    way: values.way ?? '',
    agreedOn: values.agreedOn ?? '',
    representativeId: values.representativeId ?? '',
    witnessName: values.witnessName ?? '',
    witnessRole: values.witnessRole ?? '',
    notes: values.notes ?? '',
  };
}

const staged = (values: Values): ScanInput =>
  values.scanId ? { kind: 'staged', id: values.scanId, sha256: values.scanSha256 ?? '' } : null;

export const agreementPages: FastifyPluginAsync<FeatureDeps> = async (app, { services }) => {
  await acceptScanUploads(app);
  const path = '/people/:personId/plan/agreement';

  const questionPage = async (request: FastifyRequest) => {
    const access = personAccess(request);
    const form = await services.plans.agreementForm(access);
    return {
      template: 'plans/plan/views/agreement.njk',
      context: {
        title: `How did ${form.personName} agree the plan?`,
        caption: `${form.personName}’s support plan, version ${form.plan.version}`,
        ...form,
        ways: Object.entries(AGREEMENT_WAYS).map(([value, text]) => ({ value, text })),
        action: `/people/${access.personId}/plan/agreement`,
        backLink: `/people/${access.personId}/plan`,
      },
    };
  };

  app.get(path, personRoute('case.write'), async (request, reply) => {
    const page = await questionPage(request);
    const { plan } = page.context;
    return reply.render(page.template, {
      ...page.context,
      values: { rowVersion: String(plan.rowVersion), version: String(plan.version) },
    });
  });

  app.post(path, personRoute('case.write'), async (request, reply) => {
    const access = personAccess(request);
    const values = readValues(request.body);
    const upload = uploadedScan(request);
    const step = field(request.body, '_step');
    const page = await questionPage(request);
    if (step === 'change') return reply.render(page.template, { ...page.context, values });
    // A newly chosen file replaces one staged earlier.
    const scan = upload.scan ?? staged(values);
    const kept = upload.scan
      ? { ...values, scanId: '', scanSha256: '', scanName: '', scanBytes: '' }
      : values;
    return submitForm(reply, { ...page, values: kept }, async () => {
      const input = toInput(values);
      if (step === 'confirm') {
        await services.plans.recordAgreement(access, input, scan);
        return reply.redirect(`/people/${access.personId}/plan?saved=agreement`, 303);
      }
      const checked = await services.plans.checkAgreement(access, input, scan);
      const carried = { ...values };
      if (checked.staged) {
        carried.scanId = checked.staged.id;
        carried.scanSha256 = checked.staged.sha256;
        carried.scanBytes = String(checked.staged.bytes);
        carried.scanType = checked.staged.type;
        carried.scanName = upload.scan ? upload.filename.slice(0, 200) : (values.scanName ?? '');
      }
      const way = values.way ?? '';
      const rows = [
        { key: 'How they agreed', value: isAgreementWay(way) ? AGREEMENT_WAYS[way] : way, field: 'way' },
        ...(checked.representativeName
          ? [{ key: 'Representative', value: checked.representativeName, field: 'representativeId' }]
          : []),
        {
          key: 'When they agreed',
          value: isIsoDate(values.agreedOn ?? '') ? formatDate(values.agreedOn!) : '',
          field: 'agreedOn',
        },
        {
          key: 'Witness',
          value: values.witnessName ? `${values.witnessName}, ${values.witnessRole}` : 'None',
          field: 'witnessName',
        },
        ...(values.notes ? [{ key: 'Notes', value: values.notes, field: 'notes' }] : []),
        {
          key: 'Scanned copy',
          value: checked.staged
            ? `${carried.scanName || 'Scanned copy'} (${SCAN_TYPES[checked.staged.type as ScanType].label}, ${sizeText(checked.staged.bytes)})`
            : 'None',
          field: 'scan',
        },
      ];
      return reply.render('check-answers.njk', {
        title: 'Check the agreement before you save it',
        caption: page.context.caption,
        action: page.context.action,
        backLink: page.context.backLink,
        hidden: {},
        carried: [
          ...Object.entries(carried)
            .filter(([name]) => name !== 'agreedOn' && name !== 'representativeId')
            .map(([name, value]) => ({ name, value })),
          ...(values.way === 'representative'
            ? [{ name: 'representativeId', value: values.representativeId ?? '' }]
            : []),
        ],
        rows,
        saveText: 'Save the agreement',
      });
    });
  });

  for (const base of BASES) {
    app.get<{ Querystring: { version?: string } }>(
      `${base}/:personId/plan/agreement/scan`,
      personRoute('record.read'),
      async (request, reply) => {
        const scan = await services.plans.agreementScan(
          personAccess(request),
          wholeNumber(request.query.version),
        );
        return reply
          .type(scan.mediaType)
          .header('content-disposition', `attachment; filename="${scan.filename}"`)
          .send(scan.bytes);
      },
    );
  }
};
