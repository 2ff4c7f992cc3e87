/**
 * Which links the desktop app opens in the system browser. Only https addresses of the publishers whose
 * data and licences Kleinraum names; anything else (another scheme such as file: or smb:, a look-alike
 * host, credentials in the URL) is refused, so a crafted link in imported data cannot start a program or
 * reach a file share through the operating system's opener.
 */

/** Hosts (and their subdomains) a link may point to. */
export const EXTERNAL_LINK_HOSTS: readonly string[] = ['govdata.de', 'bkg.bund.de', 'geodatenzentrum.de', 'basemap.de', 'destatis.de', 'regionalstatistik.de', 'zensus2022.de', 'statistik.niedersachsen.de'];

/**
 * True when `url` may be opened with shell.openExternal.
 * @example isAllowedExternalLink('https://www.govdata.de/dl-de/by-2-0') // true
 * @example isAllowedExternalLink('file:///etc/passwd') // false
 */
export function isAllowedExternalLink(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return false;
  const host = parsed.hostname.toLowerCase();
  return EXTERNAL_LINK_HOSTS.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
}
