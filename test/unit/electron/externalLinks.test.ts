import { describe, expect, it } from 'vitest';
import { isAllowedExternalLink } from '../../../electron/main/externalLinks';

describe('links opened in the system browser', () => {
  it.each(['https://www.govdata.de/dl-de/by-2-0', 'https://gdz.bkg.bund.de/index.php', 'https://www.zensus2022.de/'])('opens the publishers’ https pages: %s', (url) => {
    expect(isAllowedExternalLink(url)).toBe(true);
  });

  it.each([
    'file:///etc/passwd',
    'smb://server/share/tool.exe',
    'http://www.govdata.de/',
    'https://govdata.de.attacker.example/',
    'https://attacker.example/?www.govdata.de',
    'https://user:pass@www.govdata.de/',
    'https://www.govdata.de:8443/',
    'javascript:alert(1)',
    'not a url',
  ])('refuses everything else: %s', (url) => {
    expect(isAllowedExternalLink(url)).toBe(false);
  });
});
