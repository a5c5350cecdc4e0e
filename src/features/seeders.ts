import type { DemoSeeder } from '../platform/db/seeding.ts';
import { seedDemoBudgets } from './budgets/index.ts';
import { seedDemoConversations } from './conversations/index.ts';
import { seedDemoCharging } from './charging/index.ts';
import { seedDemoPayments } from './payments/index.ts';
import { seedDemoEligibility } from './eligibility/index.ts';
import { seedDemoPeople } from './people/index.ts';
import { seedDemoPlans } from './plans/index.ts';

/** Each feature's part of the demo council, in dependency order (people before plans before payments). */
export const DEMO_SEEDERS: DemoSeeder[] = [
  seedDemoPeople,
  seedDemoConversations,
  // Eligibility and budgets cost people's outcomes: keep them after the outcomes seeder.
  seedDemoEligibility,
  seedDemoBudgets,
  // Plans agree against the budgets above and produce agreed budget versions.
  seedDemoPlans,
  // Charging then payments last: they read the agreed plan's option 1 cost lines.
  seedDemoCharging,
  seedDemoPayments,
];
