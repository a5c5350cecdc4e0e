/**
 * Every action the audit log can record, in one place: its kind and what it means in plain
 * words. `audited()` and `recordAudit()` accept only these names (TypeScript checks it), so
 * a new action cannot land without words for the person whose record it is.
 *
 * Names are `<thing>.<verb>` or `<area>.<thing>.<verb>`: lower case, words joined by `_`,
 * the verb last (`plan.read`, `outcome.change`, `payments.run.approve`).
 *
 * Kinds:
 * - `read`: looked at something and changed nothing (opening a form to change something is
 *   a read). A request's reads are folded into one row (see `request.ts`).
 * - `change`: wrote something; its row is written in the same transaction as the write.
 * - `export`: something left the system (a copy of the record, a bank file).
 * - `refusal`: somebody asked and was refused.
 * - `access`: access was granted outside the usual relationships (break glass).
 *
 * `words` finish the sentence "<who> …" for the person whose record it is ("looked at your
 * budget"); actions about no one person are worded for the staff who read the log.
 * `part: true` marks reads that only support another read on the same page (the name at the
 * top of a page); a page's row is named after its main read.
 *
 * Old rows keep the names they were written with (the log is append-only and hash-chained,
 * so they are never rewritten): `LEGACY_ACTIONS` maps each old name to its catalogue name
 * when the log is read.
 */
export const AUDIT_ACTIONS = {
  // A person's record
  'person.create': { kind: 'change', words: 'added you to the council’s records' },
  'person.read': { kind: 'read', words: 'looked at your record' },
  'service.read': {
    kind: 'read',
    words: 'looked at what they need to know to give you your support',
  },
  'support_home.read': { kind: 'read', words: 'opened your “My support” page' },
  'person.header.read': { kind: 'read', words: 'looked at your name and details', part: true },
  'person.change': { kind: 'change', words: 'changed your details' },
  'person.form.open': { kind: 'read', words: 'looked at your record to change it' },
  'equality.read': { kind: 'read', words: 'looked at your equality information' },
  'equality.change': { kind: 'change', words: 'changed your equality information' },
  'circle.add': { kind: 'change', words: 'added someone to your circle of support' },
  'circle.consent.withdraw': {
    kind: 'change',
    words: 'recorded that you stopped letting someone in your circle see your record',
  },
  'representative.add': { kind: 'change', words: 'added someone who can act for you' },
  'representative.change': { kind: 'change', words: 'changed what someone who acts for you can do' },
  'representative.end': { kind: 'change', words: 'ended someone’s right to act for you' },
  'support_offer.record': { kind: 'change', words: 'wrote down support offered to you' },
  'legal_order.record': { kind: 'change', words: 'wrote down a legal order about you' },

  // Conversations and outcomes (the person's own words)
  'conversations.read': { kind: 'read', words: 'looked at your conversations with us' },
  'conversation.create': { kind: 'change', words: 'started writing down a conversation with you' },
  'conversation.entry.add': { kind: 'change', words: 'added to a conversation with you' },
  'outcomes.read': { kind: 'read', words: 'looked at what matters to you' },
  'outcome.read': { kind: 'read', words: 'looked at one thing that matters to you' },
  'outcome.create': { kind: 'change', words: 'wrote down something that matters to you' },
  'outcome.change': { kind: 'change', words: 'changed something that matters to you' },
  'own_words.form.open': { kind: 'read', words: 'looked at your own words to change them' },

  // Eligibility
  'eligibility.read': { kind: 'read', words: 'looked at the decision about your support' },
  'eligibility.decide': { kind: 'change', words: 'decided if you can get support' },
  'policy.eligibility.publish': { kind: 'change', words: 'published new rules about who can get support' },
  'policy.eligibility.list': {
    kind: 'read',
    words: 'looked at the council’s rules about who can get support',
  },
  'policy.eligibility.read': {
    kind: 'read',
    words: 'looked at a version of the rules about who can get support',
  },
  'policy.eligibility.draft': {
    kind: 'change',
    words: 'wrote a draft of new rules about who can get support',
  },

  // Budgets
  'budget.read': { kind: 'read', words: 'looked at your budget' },
  'budget.indicative.create': { kind: 'change', words: 'worked out your budget' },
  'budget.what_if.read': { kind: 'read', words: 'tried out changes to your budget without saving them' },
  'budget.interim.approve': { kind: 'change', words: 'agreed an urgent budget for you' },
  'budget.interim.list': { kind: 'read', words: 'looked at the list of urgent budgets' },
  'policy.budget.list': { kind: 'read', words: 'looked at the budget rules' },
  'policy.budget.draft': { kind: 'change', words: 'wrote a draft of new budget rules' },
  'policy.budget.preview': { kind: 'read', words: 'looked at what new budget rules would change' },
  'policy.budget.publish': { kind: 'change', words: 'published new budget rules' },
  'policy.charging.list': { kind: 'read', words: 'looked at the council’s charging rules' },
  'policy.charging.draft': { kind: 'change', words: 'wrote a draft of new charging rules' },
  'policy.charging.check': {
    kind: 'read',
    words: 'looked at what new charging rules would change for the people who pay towards their support',
  },
  'policy.charging.publish': { kind: 'change', words: 'published new charging rules' },

  // Support plans and options
  'plan.read': { kind: 'read', words: 'looked at your support plan' },
  'plan.edit': { kind: 'change', words: 'changed your support plan' },
  'plan.edit_own_words': { kind: 'change', words: 'changed your own words in your support plan' },
  'plan.share': { kind: 'change', words: 'shared your support plan with you' },
  'plan.sign': { kind: 'change', words: 'signed your support plan' },
  'plan.agreement.record': { kind: 'change', words: 'wrote down how you agreed your support plan' },
  'plan.agreement.read': { kind: 'read', words: 'looked at how you agreed your support plan' },
  'plan.agreement_form.open': {
    kind: 'read',
    words: 'looked at your support plan to write down how you agreed it',
  },
  'plan.agreement_scan.read': {
    kind: 'read',
    words: 'looked at the scanned copy of your agreement to your support plan',
  },
  'plan.submit': { kind: 'change', words: 'sent your support plan to be agreed' },
  'plan.return': { kind: 'change', words: 'sent your support plan back to be changed' },
  'plan.agree': { kind: 'change', words: 'agreed your support plan' },
  'plan.new_version': { kind: 'change', words: 'started a new version of your support plan' },
  'options.read': { kind: 'read', words: 'looked at your choices of how to get support' },
  'options.choose': { kind: 'change', words: 'chose how you get support' },
  'options.configuration.read': { kind: 'read', words: 'looked at the ways of getting support on offer' },
  'options.configure': { kind: 'change', words: 'changed the ways of getting support on offer' },
  'options.settings.list': {
    kind: 'read',
    words: 'looked at the council’s settings for the ways of getting support',
  },
  'options.settings.read': {
    kind: 'read',
    words: 'looked at a version of the settings for the ways of getting support',
  },
  'options.settings.draft': {
    kind: 'change',
    words: 'wrote a draft of new settings for the ways of getting support',
  },
  'options.settings.publish': {
    kind: 'change',
    words: 'published new settings for the ways of getting support',
  },

  // Charging
  'charging.read': { kind: 'read', words: 'looked at what you pay towards your support' },
  'charging.assessment.record': { kind: 'change', words: 'wrote down your money and what you pay' },
  'charging.assessment.preview': {
    kind: 'read',
    words: 'worked out what you would pay, without saving anything',
  },
  'charging.assessment.correct': {
    kind: 'change',
    words: 'corrected what you pay, saying why, and put right any payment already made',
  },
  'charging.review.request': { kind: 'change', words: 'asked for what you pay to be looked at again' },

  // Direct payments
  'payments.read': { kind: 'read', words: 'looked at your payments' },
  'payments.statement.read': { kind: 'read', words: 'looked at your payment statement' },
  'payments.agreement.create': { kind: 'change', words: 'set up your direct payment agreement' },
  'payments.agreement.change': { kind: 'change', words: 'changed your direct payment agreement' },
  'payments.agreement.preview': {
    kind: 'read',
    words: 'worked out a change to your direct payment, without saving anything',
  },
  'payments.return.submit': { kind: 'change', words: 'sent a return about how the money was spent' },
  'payments.surplus.read': { kind: 'read', words: 'looked at a review of money left over' },
  'payments.surplus.explain': { kind: 'change', words: 'said what the money left over is for' },
  'payments.surplus.decide': { kind: 'change', words: 'decided what happens to money left over' },
  'payments.run.create': { kind: 'change', words: 'made a payment run' },
  'payments.run.list': { kind: 'read', words: 'looked at the payment runs' },
  'payments.run.read': { kind: 'read', words: 'looked at a payment run' },
  'payments.run.approve': { kind: 'change', words: 'approved a payment run' },
  'payments.run.batch': { kind: 'change', words: 'paid part of a payment run' },
  'payments.run.posted': { kind: 'change', words: 'finished paying a payment run' },
  'payments.run.bank_file': { kind: 'export', words: 'made the bank file for a payment run' },
  'payments.settings.list': { kind: 'read', words: 'looked at the council’s direct-payment settings' },
  'payments.settings.read': { kind: 'read', words: 'looked at a version of the direct-payment settings' },
  'payments.settings.draft': { kind: 'change', words: 'wrote a draft of new direct-payment settings' },
  'payments.settings.publish': { kind: 'change', words: 'published new direct-payment settings' },
  'payments.bank_details.reseal': {
    kind: 'change',
    words: 'locked the bank details we hold again with a new key (nobody read them)',
  },
  'payments.run.remittances': { kind: 'read', words: 'looked at the payment notes for a payment run' },
  'ledger.read': { kind: 'read', words: 'looked at the payment accounts' },
  'ledger.transfer.post': { kind: 'change', words: 'moved money between payment accounts' },
  'ledger.transfer.reverse': { kind: 'change', words: 'reversed a movement of money' },

  // Reports
  'reports.equity.read': { kind: 'read', words: 'looked at the fairness report (no names)' },
  'reports.advocacy.read': {
    kind: 'read',
    words: 'looked at the report on advocacy and support offered at each stage (no names)',
  },

  // Accounts, access and the log itself
  'caselist.read': { kind: 'read', words: 'looked at the case list' },
  'my_records.read': { kind: 'read', words: 'looked at the records they can see' },
  'record.export': { kind: 'export', words: 'made a copy of everything we hold about you' },
  'who_looked.read': { kind: 'read', words: 'looked at who has seen your record' },
  'access.refuse': { kind: 'refusal', words: 'tried to open your record but was not allowed' },
  'access.grant.refuse': {
    kind: 'refusal',
    words: 'tried to change who holds or can see your record but was not allowed',
  },
  'access.break_glass': {
    kind: 'access',
    words: 'opened your record without being your worker, and gave a reason',
  },
  'audit.search': { kind: 'read', words: 'searched the audit log' },
  'audit.verify': { kind: 'read', words: 'checked the audit log has not been changed' },
  'audit.break_glass.review': { kind: 'read', words: 'looked at records opened without allocation' },
  'account.linked_records.read': { kind: 'read', words: 'looked at the records they may see' },
  'staff.invite': { kind: 'change', words: 'invited a member of staff' },
  'invitation.create': {
    kind: 'change',
    words: 'invited someone to have an account that can see your record',
  },
  'invitation.revoke': { kind: 'change', words: 'stopped an invitation to see your record' },
  'invitation.accept': {
    kind: 'change',
    words: 'accepted an invitation and can now see your record',
  },
  'invitation.check_failed': {
    kind: 'refusal',
    words: 'tried an invitation link to your record, but the check did not match',
  },
  'invitations.read': { kind: 'read', words: 'looked at who has been invited to see your record' },
  'invitation.form.open': { kind: 'read', words: 'looked at your record to invite someone' },
  'access.read': { kind: 'read', words: 'looked at who can see your record' },
  'staff.deactivate': { kind: 'change', words: 'turned off a staff account' },
  'staff.reactivate': { kind: 'change', words: 'turned a staff account back on' },
  'staff.move_team': { kind: 'change', words: 'moved a staff account to another team' },
  'council.create': {
    kind: 'change',
    words: 'set up this council and invited its first administrator',
  },
  'council.change': {
    kind: 'change',
    words: 'changed the council’s name, address, contact or data controller details',
  },
  'teams.read': { kind: 'read', words: 'looked at the council’s teams' },
  'team.add': { kind: 'change', words: 'added a team' },
  'team.rename': { kind: 'change', words: 'changed a team’s name or what it covers' },
  'team.close': { kind: 'change', words: 'closed a team' },
  'caseload_import.check': {
    kind: 'change',
    words:
      'checked files of people from the council’s previous system before importing them (nothing imported yet)',
  },
  'caseload_import.read': {
    kind: 'read',
    words: 'looked at the report of an import from the council’s previous system',
  },
  'caseload_imports.read': {
    kind: 'read',
    words: 'looked at the list of imports from the council’s previous system',
  },
  'caseload_import.commit': {
    kind: 'change',
    words: 'imported records from the council’s previous system',
  },
  'localities.read': { kind: 'read', words: 'looked at the council’s localities' },
  'locality.add': { kind: 'change', words: 'added a locality' },
  'locality.rename': { kind: 'change', words: 'renamed a locality' },
  'locality.retire': { kind: 'change', words: 'retired a locality' },
  'funding_streams.read': { kind: 'read', words: 'looked at the council’s funding streams' },
  'funding_stream.add': { kind: 'change', words: 'added a funding stream' },
  'funding_stream.change': { kind: 'change', words: 'renamed or described a funding stream' },
  'funding_stream.retire': { kind: 'change', words: 'retired a funding stream or brought one back' },
  'council_details.read': {
    kind: 'read',
    words: 'looked at the council’s letter address and contact details',
  },
  'council_details.change': {
    kind: 'change',
    words: 'changed the council’s letter address or contact details',
  },
  'locality.restore': { kind: 'change', words: 'brought a retired locality back' },
} as const satisfies Record<string, { kind: AuditKind; words: string; part?: boolean }>;

export type AuditKind = 'read' | 'change' | 'export' | 'refusal' | 'access';
export type AuditAction = keyof typeof AUDIT_ACTIONS;

/**
 * Names written before the catalogue, in their three old grammars (`<permission>:<detail>`,
 * a bare permission for refusals, and `<area>.<thing>`), mapped to catalogue names at read
 * time. Refusals used the refused permission as their action: any old row whose outcome is
 * `denied` reads as `access.refuse`, whatever its name.
 */
export const LEGACY_ACTIONS: Record<string, AuditAction> = {
  'record.read': 'person.read',
  'people.create': 'person.create',
  'case.write:person': 'person.change',
  'case.write:open_form': 'person.form.open',
  'case.write:equality': 'equality.change',
  'case.write:circle': 'circle.add',
  'case.write:circle_withdraw': 'circle.consent.withdraw',
  'case.write:representative': 'representative.add',
  'case.write:representative_change': 'representative.change',
  'case.write:representative_end': 'representative.end',
  'case.write:support_offer': 'support_offer.record',
  'case.write:legal_order': 'legal_order.record',
  'record.read:conversations': 'conversations.read',
  'own_words.write:conversation': 'conversation.create',
  'own_words.write:conversation_entry': 'conversation.entry.add',
  'record.read:outcomes': 'outcomes.read',
  'record.read:outcome': 'outcome.read',
  'own_words.write:outcome': 'outcome.create',
  'own_words.write:outcome_change': 'outcome.change',
  'own_words.write:open_form': 'own_words.form.open',
  'budget.indicative': 'budget.indicative.create',
  'budget.what_if': 'budget.what_if.read',
  'payments.statement': 'payments.statement.read',
  'payments.surplus.view': 'payments.surplus.explain',
  'reports.equity': 'reports.equity.read',
  'my.records': 'my_records.read',
  'audit.own': 'who_looked.read',
  'record.break_glass': 'access.break_glass',
  'audit.break_glass_review': 'audit.break_glass.review',
  'account.linked_records': 'account.linked_records.read',
};

/** A catalogue name and the old names that mean the same, for queries over old and new rows. */
export const namesFor = (action: AuditAction): string[] => [
  action,
  ...Object.entries(LEGACY_ACTIONS)
    .filter(([, name]) => name === action)
    .map(([legacy]) => legacy),
];

export const isAuditAction = (name: string): name is AuditAction => Object.hasOwn(AUDIT_ACTIONS, name);

/** The catalogue name of a stored row's action (old names mapped), or null if unknown. */
export function catalogueName(action: string, outcome?: string): AuditAction | null {
  if (outcome === 'denied') return 'access.refuse';
  if (isAuditAction(action)) return action;
  return LEGACY_ACTIONS[action] ?? null;
}

/** A read that only supports another read on the same page (see `part` above). */
export function isPart(action: string): boolean {
  const name = catalogueName(action);
  return name !== null && 'part' in AUDIT_ACTIONS[name];
}

export function auditKind(action: string, outcome?: string): AuditKind | null {
  const name = catalogueName(action, outcome);
  return name ? AUDIT_ACTIONS[name].kind : null;
}

/**
 * What a stored row means in plain words. An action no catalogue ever knew still reads as
 * words ("something about budgets") rather than a code.
 */
export function describeAction(action: string, outcome?: string): string {
  const name = catalogueName(action, outcome);
  if (name) return AUDIT_ACTIONS[name].words;
  const area = action.split(/[.:]/)[0]!.replaceAll('_', ' ');
  return `did something with your ${area} record`;
}

/**
 * A row's words with the other reads folded into it (`detail.also`, see `request.ts`):
 * "looked at your support plan, and also looked at your budget".
 */
export function describeEvent(event: {
  action: string;
  outcome?: string;
  detail?: Record<string, unknown> | null;
}): string {
  const main = describeAction(event.action, event.outcome);
  const also = Array.isArray(event.detail?.also) ? (event.detail.also as { action?: unknown }[]) : [];
  const more = [
    ...new Set(
      also
        .map((a) => (typeof a.action === 'string' && !isPart(a.action) ? describeAction(a.action) : null))
        .filter((words): words is string => words !== null && words !== main),
    ),
  ];
  return more.length ? `${main}, and also ${more.join(', ')}` : main;
}
