import type { PersonAccess } from '../../../platform/auth/access.ts';
import type { Db } from '../../../platform/db/client.ts';
import { formatDate, type IsoDate, todayInLondon } from '../../../platform/dates.ts';
import { formatPence } from '../../../platform/money/index.ts';
import { type LetterAddressing, letterHeading, pdfDocument } from '../../../platform/pdf/index.ts';
import { streamLabel } from '../../council-settings/index.ts';
import { STATE_LABELS } from './catalogue.ts';
import { PROVIDER_KINDS } from './costs.ts';
import { SDS_OPTION_NAMES } from '../options/rules.ts';
import { WORDS_NOT_RECORDED } from './context.ts';
import { type PlanOverview, planLetterRecord } from './service.ts';
import { RESTRICTION_REASON_KINDS } from './restrictions.ts';

/** The plan to print and keep, in the same plain words as the page. Standard fonts only. */
export async function planPdf(db: Db, access: PersonAccess): Promise<Buffer> {
  const { view, addressing } = await planLetterRecord(db, access);
  return renderPlanPdf(view, addressing, todayInLondon());
}

/** Its reference names the plan version printed, so a phone call about it finds the same words. */
export function renderPlanPdf(
  view: PlanOverview,
  addressing: LetterAddressing,
  today: IsoDate,
): Promise<Buffer> {
  const { content, plan } = view;
  const heading = letterHeading(addressing, { date: today, kind: 'plan', version: plan?.version });
  return pdfDocument({ title: `${view.personName}'s support plan`, heading }, (letter) => {
    const body = (text: string) => letter.paragraph(text);
    const pair = (key: string, value: string) => letter.pair(key, value || 'Not written yet');

    letter.heading(`${view.personName}'s support plan`, 1);
    if (plan) {
      body(`Version ${plan.version}. ${STATE_LABELS[plan.state]?.text ?? plan.state}.`);
      // How the person agreed: a recorded agreement (on paper, verbally, …) or a signature from an account.
      if (view.howAgreed) body(view.howAgreed);
      if (plan.state === 'agreed' && plan.decidedOn)
        body(`Agreed by ${view.councilName} on ${formatDate(plan.decidedOn)}.`);
    } else body('This plan has not been started yet.');

    letter.heading('About me');
    body(content.aboutMe || 'Not written yet.');

    letter.heading('What I want to happen, and how');
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
      letter.heading(group.title, 3);
      for (const outcome of group.list) {
        number += 1;
        letter.paragraph(`${number}. “${outcome.personWords}”`, { bold: true, size: 13, before: 0.5 });
        letter.paragraph(words(outcome.ref).attribution, { size: 11, colour: '#505a5f' });
        pair('How it will happen', outcome.howMet);
        if (outcome.flexibility) pair('How it can change', outcome.flexibility);
        const costs = content.costLines.filter((l) => l.outcomeRef === outcome.ref);
        if (costs.length)
          letter.list(
            costs.map((line) => {
              const provider = line.deliveredBy ? view.providerNames[line.deliveredBy] : undefined;
              return (
                `${line.description} — ${PROVIDER_KINDS[line.providerKind] ?? line.providerKind}` +
                `${provider ? `: ${provider}` : ''}, ${line.frequency}. ` +
                `${formatPence(line.weeklyCost)} a week, option ${line.sdsOption} (${SDS_OPTION_NAMES[line.sdsOption]}), ` +
                `paid from ${streamLabel(line.fundingStream, view.councilFundingStreams)}.`
              );
            }),
          );
      }
    }

    letter.heading('What it costs');
    body(`The plan costs ${formatPence(view.totals.weekly.total)} a week.`);
    letter.list(
      view.totals.byOption.lines.map((line) => `${line.label}: ${formatPence(line.amount)} a week`),
    );
    body(view.budgetCheck.explanation);
    if (plan?.overBudgetException) body(`Agreed over budget because: ${plan.overBudgetException}`);
    if (view.directPayment) {
      body(
        `Your direct payment: ${formatPence(view.directPayment.amountPerPayment)} every four weeks ` +
          `(${formatPence(view.directPayment.weeklyTotal)} a week).`,
      );
    }

    letter.heading('If things go wrong');
    body(content.contingency || 'Not written yet.');

    letter.heading('Risks I choose to take');
    if (!content.risks.length) body('None written.');
    for (const risk of content.risks) {
      letter.paragraph(risk.description, { bold: true, before: 0.3 });
      if (risk.personView) pair('What I think', risk.personView);
      pair('How I will be supported to do it', risk.howEnabled);
      if (risk.whatAgreed) pair('What we agreed', risk.whatAgreed);
    }

    letter.heading('Limits on how the money can be used');
    if (!content.restrictions.length)
      body('There are no limits. You can use the money in any way that meets your outcomes.');
    for (const r of content.restrictions) {
      letter.paragraph(r.description, { bold: true, before: 0.3 });
      pair('Why', `${RESTRICTION_REASON_KINDS[r.reasonKind] ?? r.reasonKind}: ${r.reasonDetail}`);
      pair('Who decided', `${r.decidedBy}, ${formatDate(r.decidedOn)}`);
      pair('When it will be looked at again', formatDate(r.reviewOn));
    }

    letter.heading('Things a legal order says must happen');
    if (!content.nonNegotiables.length) body('None.');
    else
      letter.list(
        content.nonNegotiables.map(
          (n) => `${n.description} (${n.legalOrder}). These cannot be changed by this plan.`,
        ),
      );

    letter.space();
    body(
      `If you want to ask about this plan or ask for it to change, contact your worker at ${view.councilName} (how to reach us is below).`,
    );
  });
}
