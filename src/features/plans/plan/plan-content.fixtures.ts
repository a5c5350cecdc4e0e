/** Plan content shared by the plan tests. Not a test file itself; never imported by product code. */
import type { SupportPlanContent } from './content.ts';

export const planContent: SupportPlanContent = {
  outcomes: [
    {
      ref: 'O1',
      personWords: 'I want to go swimming with my friends again',
      workerView: 'Swimming keeps Sam well and connected; needs help with changing',
      howMet: 'A personal assistant Sam chooses goes with Sam twice a week',
    },
  ],
  costLines: [
    {
      outcomeRef: 'O1',
      description: 'Personal assistant for swimming',
      providerKind: 'personal_assistant',
      frequency: '2 hours, twice a week',
      weeklyCost: 8_560,
      fundingStream: 'social_care',
      sdsOption: 1,
    },
    {
      outcomeRef: 'O1',
      description: 'Lifts from my brother',
      providerKind: 'family_and_friends_unpaid',
      frequency: 'Saturdays',
      weeklyCost: 0,
      fundingStream: 'social_care',
      sdsOption: 1,
    },
  ],
  contingency: 'If my PA is ill, my brother takes me, or I swim the next week',
  risks: [{ description: 'Swimming in open water in summer', howEnabled: 'Only with a lifeguard on duty' }],
  restrictions: [],
  nonNegotiables: [],
};
