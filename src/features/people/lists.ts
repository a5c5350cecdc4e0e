/**
 * The fixed answer lists of the person record, code → label. Codes are stored; labels are
 * shown. Equality lists follow Scotland's census 2022 questions, shortened, and every one
 * has "prefer not to say".
 */
export const PREFER_NOT_TO_SAY = 'prefer_not_to_say';

export const COMMUNICATION_NEEDS = {
  bsl: 'British Sign Language (BSL)',
  easy_read: 'Easy Read',
  talking_mats: 'Talking Mats',
  other: 'Other',
} as const;

export const REFERRAL_URGENCY = {
  routine: 'Routine',
  soon: 'Soon – within a few weeks',
  urgent: 'Urgent – within days',
} as const;

export const CASE_STATUS = { referred: 'Referred', open: 'Open', closed: 'Closed' } as const;

export const ETHNICITY = {
  white_scottish: 'White – Scottish',
  white_other_british: 'White – other British',
  white_irish: 'White – Irish',
  white_polish: 'White – Polish',
  white_gypsy_traveller: 'White – Gypsy or Traveller',
  white_other: 'White – other',
  mixed: 'Mixed or multiple ethnic groups',
  asian_pakistani: 'Asian – Pakistani',
  asian_indian: 'Asian – Indian',
  asian_bangladeshi: 'Asian – Bangladeshi',
  asian_chinese: 'Asian – Chinese',
  asian_other: 'Asian – other',
  african: 'African',
  caribbean_or_black: 'Caribbean or Black',
  arab: 'Arab',
  other: 'Other ethnic group',
  prefer_not_to_say: 'Prefer not to say',
} as const;

export const DISABILITY = { yes: 'Yes', no: 'No', prefer_not_to_say: 'Prefer not to say' } as const;

export const SEX = { female: 'Female', male: 'Male', prefer_not_to_say: 'Prefer not to say' } as const;

/** Census 2022: "Do you consider yourself to be trans, or have a trans history?" */
export const GENDER_IDENTITY = {
  no: 'Not trans and no trans history',
  yes: 'Trans or has a trans history',
  prefer_not_to_say: 'Prefer not to say',
} as const;

export const RELIGION = {
  none: 'None',
  church_of_scotland: 'Church of Scotland',
  roman_catholic: 'Roman Catholic',
  other_christian: 'Other Christian',
  muslim: 'Muslim',
  hindu: 'Hindu',
  buddhist: 'Buddhist',
  sikh: 'Sikh',
  jewish: 'Jewish',
  pagan: 'Pagan',
  other: 'Another religion or body',
  prefer_not_to_say: 'Prefer not to say',
} as const;

export const EQUALITY_FIELDS = {
  ethnicity: { label: 'Ethnic group', options: ETHNICITY },
  disability: { label: 'Disability or long-term condition', options: DISABILITY },
  sex: { label: 'Sex', options: SEX },
  genderIdentity: { label: 'Trans status', options: GENDER_IDENTITY },
  religion: { label: 'Religion or belief', options: RELIGION },
} as const;
export type EqualityField = keyof typeof EQUALITY_FIELDS;

/** What a circle member may do on the record while consent stands (the access rules read these). */
export const CONSENT_SCOPES = {
  view_record: 'See the record',
  contribute: 'Add their views to the record',
} as const;

export const SUPPORT_KINDS = {
  advocacy: 'Independent advocacy',
  communication: 'Communication support',
} as const;

export const SUPPORT_STAGES = {
  contact: 'First contact',
  conversation: 'Good conversation',
  eligibility: 'Eligibility',
  outcomes: 'Personal outcomes',
  budget: 'Budget',
  options: 'Choosing how support is arranged',
  planning: 'Support planning',
  review: 'Review',
} as const;

export const SUPPORT_RESPONSES = {
  offered: 'Offered – waiting for an answer',
  accepted: 'Accepted',
  declined: 'Declined',
  not_offered: 'Not offered',
} as const;

/** Where in the journey support was offered, as it reads inside a sentence ("offered at …"). */
const SUPPORT_STAGE_PHRASES: Record<string, string> = {
  contact: 'first contact',
  conversation: 'the good conversation',
  eligibility: 'the eligibility decision',
  outcomes: 'agreeing outcomes',
  budget: 'working out the budget',
  options: 'choosing how support is arranged',
  planning: 'support planning',
  review: 'the review',
};

const SUPPORT_RESPONSE_PHRASES: Record<string, string> = {
  offered: 'waiting for an answer',
  accepted: 'accepted',
  declined: 'declined',
};

/**
 * "Independent advocacy offered at the good conversation — accepted", for the timeline; or
 * "Independent advocacy not offered at working out the budget, because: …" when it was not.
 */
export function supportOfferSentence(
  kind: string,
  stage: string,
  response: string,
  provider: string | null,
  reason: string | null = null,
): string {
  const what = labelOf(SUPPORT_KINDS, kind);
  const when = SUPPORT_STAGE_PHRASES[stage] ?? labelOf(SUPPORT_STAGES, stage).toLowerCase();
  if (response === 'not_offered')
    return `${what} not offered at ${when}${reason ? `, because: ${reason}` : ''}`;
  const from = provider ? ` from ${provider}` : '';
  const answer = SUPPORT_RESPONSE_PHRASES[response] ?? labelOf(SUPPORT_RESPONSES, response).toLowerCase();
  return `${what}${from} offered at ${when} — ${answer}`;
}

export const LEGAL_ORDER_KINDS = {
  compulsory_treatment: 'Compulsory treatment order (mental health)',
  community_treatment: 'Community-based compulsory treatment (mental health)',
  welfare_guardianship: 'Welfare guardianship order',
  community_payback: 'Community payback order (criminal justice)',
  drug_treatment_testing: 'Drug treatment and testing order (criminal justice)',
  compulsory_supervision: 'Compulsory supervision order (Children’s Hearing)',
  other: 'Other legal order',
} as const;

/** Label for a code, or the code itself when a list has no such entry (shown, never hidden). */
export function labelOf(list: Record<string, string>, code: string | null | undefined): string {
  if (!code) return '';
  return list[code] ?? code;
}
