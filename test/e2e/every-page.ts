import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ROLES } from '../../src/features/accounts/demo-users.ts';
import type { RouteEntry } from '../../src/platform/auth/guard.ts';
import { rows } from '../../src/platform/db/transaction.ts';
import { type DemoRole, expectAccessible, newPage, type Site, signIn, startSite } from './support.ts';

/**
 * "Axe covers every page" stays true as features add pages: every GET page in the route
 * table, visited as every demo role, with the person that role relates to. The roles are
 * split over a few test files (every-page-*.test.ts) so the walks run on separate workers
 * at once; ROLE_GROUPS says which file walks which roles, and a test checks that together
 * they are every demo role.
 */
export const ROLE_GROUPS = {
  people: ['person', 'representative', 'support', 'provider'],
  staff: ['worker', 'manager', 'finance'],
  council: ['analyst', 'admin'],
} as const satisfies Record<string, readonly DemoRole[]>;

/** How many tests each role's walk is cut into. */
const PARTS = 3;

let site: Site;
let personFor: Record<DemoRole, string>;

export function everyPageAs(group: keyof typeof ROLE_GROUPS) {
  beforeAll(async () => {
    site = await startSite();
    const related = await rows<{ kind: string; id: string }>(
      site.database.db,
      // The demo roles are the Scottish council's (code 'demo'), so the people they relate to are too.
      sql`select kind, person_id as id from person_relationships
        where kind in ('self', 'representative', 'support_organisation')
          and authority_id = (select id from authorities where code = 'demo')`,
    );
    const of = (kind: string) => related.find((r) => r.kind === kind)!.id;
    const morag = of('self');
    personFor = {
      person: morag,
      representative: of('representative'),
      worker: morag,
      manager: morag,
      finance: morag,
      support: of('support_organisation'),
      provider: of('support_organisation'),
      analyst: morag,
      admin: morag,
    };
  }, 120_000);
  afterAll(() => site?.stop());

  const STATIC = ['/assets/', '/govuk/', '/public/'];

  /** Pages a browser can open: not the API, not files, and no parameter we cannot fill. */
  function pageRoutes(table: RouteEntry[]): RouteEntry[] {
    return table.filter(
      (r) =>
        r.method === 'GET' &&
        !r.url.startsWith('/api') &&
        !STATIC.some((prefix) => r.url.startsWith(prefix)) &&
        !/\.(pdf|csv|json|txt|xml)$/.test(r.url) &&
        !r.url.includes('*') &&
        (r.url.match(/:[A-Za-z0-9_]+/g) ?? []).every((param) => param === ':personId'),
    );
  }

  describe(`every page, as the demo ${group} roles`, () => {
    it('finds pages to visit in the route table, and the role groups are every demo role', () => {
      const pages = pageRoutes(site.app.routeTable).map((r) => r.url);
      expect(pages).toContain('/account');
      expect(pages).toContain('/people/:personId/who-looked');
      expect(pages).toContain('/people/:personId/export');
      expect(pages).not.toContain('/people/:personId/export.pdf');
      expect(Object.values(ROLE_GROUPS).flat().sort()).toEqual([...DEMO_ROLES].sort());
    });

    // Each role's walk is cut into PARTS tests (every PARTS-th page), each signed in afresh, so
    // one test's time stays bounded as features add pages; together they are every page.
    for (const role of ROLE_GROUPS[group]) {
      for (let part = 0; part < PARTS; part++) {
        it(`${role} (part ${part + 1} of ${PARTS}): no server errors and no accessibility violations`, async () => {
          const { context, page } = await newPage(site);
          await signIn(page, role);
          const visited: string[] = [];
          const routes = pageRoutes(site.app.routeTable).filter((_, i) => i % PARTS === part);
          for (const route of routes) {
            const path = route.url.replace(':personId', personFor[role]);
            const response = await page.goto(path);
            const status = response?.status() ?? 0;
            expect(status, `${role} ${path}`).toBeLessThan(500);
            // Health checks and other machine answers are routes too; axe reads only HTML pages.
            const html = (response?.headers()['content-type'] ?? '').startsWith('text/html');
            if (status === 200 && html) {
              await expectAccessible(page);
              visited.push(`${path} → ${new URL(page.url()).pathname}`);
            }
          }
          console.log(`${role} part ${part + 1}: ${visited.length} pages checked with axe`);
          expect(visited.length).toBeGreaterThan(0);
          await context.close();
        }, 240_000);
      }
    }
  });
}
