import type { PersonAccess } from '../../../platform/auth/access.ts';
import type { Db } from '../../../platform/db/client.ts';
import { formatDate } from '../../../platform/dates.ts';
import { formatPence } from '../../../platform/money/index.ts';
import { pdfDocument } from '../../../platform/pdf/index.ts';
import { fundingStreamLabel, STATE_LABELS } from './catalogue.ts';
import { PROVIDER_KINDS } from './costs.ts';
import { SDS_OPTION_NAMES } from '../options/rules.ts';
import { WORDS_NOT_RECORDED } from './context.ts';
import { planOverview } from './service.ts';
import { RESTRICTION_REASON_KINDS } from './restrictions.ts';

type Overview = Awaited<ReturnType<typeof planOverview>>;

/** The plan to print and keep, in the same plain words as the page. Standard fonts only. */
export async function planPdf(db: Db, access: PersonAccess): Promise<Buffer> {
  return renderPlanPdf(await planOverview(db, access));
}

export function renderPlanPdf(view: Overview): Promise<Buffer> {
  const { content, plan } = view;
  return pdfDocument({ title: `${view.personName}'s support plan`, author: view.councilName }, (doc) => {
    const heading = (text: string) => doc.moveDown(1).font('Helvetica-Bold').fontSize(15).text(text);
    const body = (text: string) => doc.font('Helvetica').fontSize(12).text(text, { lineGap: 3 });
    const pair = (key: string, value: string) => {
      doc.font('Helvetica-Bold').fontSize(12).text(`${key}: `, { continued: true });
      doc.font('Helvetica').text(value || 'Not written yet');
    };

    doc.font('Helvetica-Bold').fontSize(22).text(`${view.personName}'s support plan`);
    doc.font('Helvetica').fontSize(12);
    if (plan) {
      body(`Version ${plan.version}. ${STATE_LABELS[plan.state]?.text ?? plan.state}.`);
      // How the person agreed: a recorded agreement (on paper, verbally, …) or a signature from an account.
      if (view.howAgreed) body(view.howAgreed);
      if (plan.state === 'agreed' && plan.decidedOn)
        body(`Agreed by ${view.councilName} on ${formatDate(plan.decidedOn)}.`);
    } else body('This plan has not been started yet.');

    heading('About me');
    body(content.aboutMe || 'Not written yet.');

    heading('What I want to happen, and how');
    // The person's own words first, apart from what others said for them; each says whose words they are.
    const words = (ref: string) => view.outcomeWords[ref] ?? { own: false, attribution: WORDS_NOT_RECORDED };
    const groups = [
      { title: `In ${view.personName}'s own words`, list: content.outcomes.filter((o) => words(o.ref).own) },
      {
        title: `What others said ${view.personName} wants`,
        list: content.outcomes.filter((o) => !words(o.ref).own),
      },
    ];
    let number = 0;
    for (const group of groups.filter((g) => g.list.length)) {
      doc.moveDown(0.5).font('Helvetica-Bold').fontSize(14).text(group.title);
      for (const outcome of group.list) {
        number += 1;
        doc.moveDown(0.5).font('Helvetica-Bold').fontSize(13).text(`${number}. “${outcome.personWords}”`);
        doc.font('Helvetica').fontSize(10).text(words(outcome.ref).attribution, { lineGap: 3 });
        pair('How it will happen', outcome.howMet);
        if (outcome.flexibility) pair('How it can change', outcome.flexibility);
        for (const line of content.costLines.filter((l) => l.outcomeRef === outcome.ref)) {
          const provider = line.deliveredBy ? view.providerNames[line.deliveredBy] : undefined;
          body(
            `• ${line.description} — ${PROVIDER_KINDS[line.providerKind] ?? line.providerKind}` +
              `${provider ? `: ${provider}` : ''}, ${line.frequency}. ` +
              `${formatPence(line.weeklyCost)} a week, option ${line.sdsOption} (${SDS_OPTION_NAMES[line.sdsOption]}), ` +
              `paid from ${fundingStreamLabel(line.fundingStream)}.`,
          );
        }
      }
    }

    heading('What it costs');
    body(`The plan costs ${formatPence(view.totals.weekly.total)} a week.`);
    for (const line of view.totals.byOption.lines)
      body(`• ${line.label}: ${formatPence(line.amount)} a week`);
    body(view.budgetCheck.explanation);
    if (plan?.overBudgetException) body(`Agreed over budget because: ${plan.overBudgetException}`);
    if (view.directPayment) {
      body(
        `Your direct payment: ${formatPence(view.directPayment.amountPerPayment)} every four weeks ` +
          `(${formatPence(view.directPayment.weeklyTotal)} a week).`,
      );
    }

    heading('If things go wrong');
    body(content.contingency || 'Not written yet.');

    heading('Risks I choose to take');
    if (!content.risks.length) body('None written.');
    for (const risk of content.risks) {
      doc.moveDown(0.3).font('Helvetica-Bold').fontSize(12).text(risk.description);
      if (risk.personView) pair('What I think', risk.personView);
      pair('How I will be supported to do it', risk.howEnabled);
      if (risk.whatAgreed) pair('What we agreed', risk.whatAgreed);
    }

    heading('Limits on how the money can be used');
    if (!content.restrictions.length)
      body('There are no limits. You can use the money in any way that meets your outcomes.');
    for (const r of content.restrictions) {
      doc.moveDown(0.3).font('Helvetica-Bold').fontSize(12).text(r.description);
      pair('Why', `${RESTRICTION_REASON_KINDS[r.reasonKind] ?? r.reasonKind}: ${r.reasonDetail}`);
      pair('Who decided', `${r.decidedBy}, ${formatDate(r.decidedOn)}`);
      pair('When it will be looked at again', formatDate(r.reviewOn));
    }

    heading('Things a legal order says must happen');
    if (!content.nonNegotiables.length) body('None.');
    for (const n of content.nonNegotiables)
      body(`• ${n.description} (${n.legalOrder}). These cannot be changed by this plan.`);

    doc.moveDown(1);
    body(
      `If you want to ask about this plan or ask for it to change, contact your worker at ${view.councilName}.`,
    );
  });
}
