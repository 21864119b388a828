import { contentSecurityPolicy } from './index';

/** The web chat page's policy with frame-ancestors opened to EMBED_ORIGINS only ('none' when there are none). */
export function contentSecurityPolicyFor(nonce: string, embedOrigins: readonly string[]): string {
  const ancestors = embedOrigins.length ? embedOrigins.join(' ') : "'none'";
  return contentSecurityPolicy(nonce).replace("frame-ancestors 'none'", `frame-ancestors ${ancestors}`);
}
