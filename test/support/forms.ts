import type { App } from '../../src/app.ts';

/**
 * The CSRF secret (the `_csrf` cookie a form page sets) and the token the page's form carries,
 * as a browser gets them. `cookie` is sent with the page request (a session, say).
 */
export async function csrfFor(app: App, cookie = ''): Promise<{ secret: string; token: string }> {
  const page = await app.inject({ url: '/sign-in', headers: cookie ? { cookie } : {} });
  const secret = page.cookies.find((c) => c.name === '_csrf')?.value;
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  if (!secret || !token) throw new Error('no CSRF token on the sign-in page');
  return { secret, token };
}

/**
 * A page form post as a browser makes it: the CSRF cookie and token, the signed-in user's
 * `cookie` (empty for the sign-in form itself), and the fields (a list sends the name once per value).
 */
export async function formPost(
  app: App,
  url: string,
  cookie: string,
  fields: Record<string, string | string[]>,
) {
  const { secret, token } = await csrfFor(app);
  const body = new URLSearchParams({ _csrf: token });
  for (const [name, value] of Object.entries(fields))
    for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  return app.inject({
    method: 'POST',
    url,
    headers: {
      cookie: [cookie, `_csrf=${secret}`].filter(Boolean).join('; '),
      'content-type': 'application/x-www-form-urlencoded',
    },
    payload: body.toString(),
  });
}
