// The operator API as the console calls it. The token lives in this tab's sessionStorage only: never in a URL,
// a cookie or localStorage; every call sends it as a bearer token, and a 401 from any call signs the user out.

import { t } from './i18n.js';

const TOKEN_KEY = 'pogo.operatorToken';
const ROLE_KEY = 'pogo.role';

/** The role the server gave the token (X-Operator-Role): a VIEWER's console hides what changes anything
 * ([data-writes] in console.css); the server refuses such calls anyway. */
function showRole(role) {
  if (role) document.documentElement.dataset.role = role;
  else delete document.documentElement.dataset.role;
}

export const session = {
  token: () => sessionStorage.getItem(TOKEN_KEY),
  signIn: token => sessionStorage.setItem(TOKEN_KEY, token),
  signOut: () => {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(ROLE_KEY);
    showRole(null);
  },
  role: () => sessionStorage.getItem(ROLE_KEY),
};
showRole(session.role());

/** A refusal or failure, with the problem JSON's detail (RFC 7807) when the server sent one. */
export class ApiError extends Error {
  constructor(status, detail, problem) {
    super(detail);
    this.status = status;
    this.problem = problem;
  }
}

/** Calls the API; answers {status, body, headers} or throws ApiError. */
export async function call(method, path, body) {
  const headers = { Authorization: `Bearer ${session.token() || ''}`, Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit', cache: 'no-store',
    });
  } catch (e) {
    throw new ApiError(0, t('api.noAnswer', { reason: e.message }));
  }
  const role = response.headers.get('X-Operator-Role');
  if (role && role !== session.role()) {
    sessionStorage.setItem(ROLE_KEY, role);
    showRole(role);
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    json = null;
  }
  if (response.status === 401) {
    session.signOut();
    window.dispatchEvent(new CustomEvent('pogo:signed-out'));
    throw new ApiError(401, json?.detail || t('api.notSignedIn'), json);
  }
  if (!response.ok) {
    throw new ApiError(response.status, json?.detail || json?.title || t('api.answered', { status: response.status }),
      json);
  }
  return { status: response.status, body: json, headers: response.headers };
}

/** A PDF of the API (the day's report), fetched with the bearer token and opened as a blob in a new tab: a plain
 * link could not carry the token, and the token never goes into a URL. */
export async function openPdf(path) {
  const tab = window.open('', '_blank');
  try {
    const response = await fetch(path, {
      headers: { Authorization: `Bearer ${session.token() || ''}`, Accept: 'application/pdf' },
      credentials: 'omit', cache: 'no-store',
    });
    if (!response.ok) {
      let detail = t('api.answered', { status: response.status });
      try {
        detail = (await response.json()).detail || detail;
      } catch (e) { /* not problem JSON */ }
      throw new ApiError(response.status, detail);
    }
    const url = URL.createObjectURL(await response.blob());
    if (tab) tab.location.href = url;
    else window.location.href = url;
  } catch (e) {
    tab?.close();
    throw e instanceof ApiError ? e : new ApiError(0, t('api.noAnswer', { reason: e.message }));
  }
}

export async function get(path) {
  return (await call('GET', path)).body;
}

/** Query string from an object, leaving out empty values. */
export function query(parameters) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(parameters)) {
    if (v !== null && v !== undefined && v !== '') q.set(k, v);
  }
  const text = q.toString();
  return text ? `?${text}` : '';
}
