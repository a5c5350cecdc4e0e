import type { DemoSeeder } from '../platform/db/seeding.ts';
import { seedDemoPeople } from './people/seed.ts';

/** Each feature's part of the demo council, in dependency order (people before plans before payments). */
export const DEMO_SEEDERS: DemoSeeder[] = [seedDemoPeople];
