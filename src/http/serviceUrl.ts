/**
 * True when a serviceUrl points at this machine (localhost, 127.0.0.0/8, ::1): where a bot without app credentials
 * may send replies. Without credentials nobody proved the request came from a channel, so replying to whatever
 * address it names would let anyone make the bot call out to any host (and wait on it: retries to a closed port).
 */
export function isLoopbackServiceUrl(serviceUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const host = url.hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]') return true;
  // The URL parser has already turned every spelling of an IPv4 address (0x7f.1, 2130706433) into dotted decimal.
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) || /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(host);
}
