/**
 * The country of an IANA time zone, for reading a phone number written without its country code
 * ("06 12 34 56 78" from someone in Paris). Only zones that name one country; others give undefined.
 */
const ZONES: Readonly<Record<string, string>> = {
  'Europe/London': 'GB', 'Europe/Dublin': 'IE', 'Europe/Paris': 'FR', 'Europe/Berlin': 'DE', 'Europe/Madrid': 'ES', 'Atlantic/Canary': 'ES',
  'Europe/Rome': 'IT', 'Europe/Lisbon': 'PT', 'Atlantic/Madeira': 'PT', 'Europe/Amsterdam': 'NL', 'Europe/Brussels': 'BE', 'Europe/Luxembourg': 'LU',
  'Europe/Zurich': 'CH', 'Europe/Vienna': 'AT', 'Europe/Prague': 'CZ', 'Europe/Warsaw': 'PL', 'Europe/Copenhagen': 'DK', 'Europe/Stockholm': 'SE',
  'Europe/Oslo': 'NO', 'Europe/Helsinki': 'FI', 'Europe/Athens': 'GR', 'Europe/Istanbul': 'TR', 'Europe/Budapest': 'HU', 'Europe/Bucharest': 'RO',
  'Europe/Sofia': 'BG', 'Europe/Zagreb': 'HR', 'Europe/Ljubljana': 'SI', 'Europe/Bratislava': 'SK', 'Europe/Vilnius': 'LT', 'Europe/Riga': 'LV',
  'Europe/Tallinn': 'EE', 'Europe/Malta': 'MT', 'Asia/Nicosia': 'CY', 'Atlantic/Reykjavik': 'IS', 'Europe/Kiev': 'UA', 'Europe/Kyiv': 'UA',
  'America/New_York': 'US', 'America/Chicago': 'US', 'America/Denver': 'US', 'America/Los_Angeles': 'US', 'America/Phoenix': 'US', 'America/Anchorage': 'US',
  'Pacific/Honolulu': 'US', 'America/Toronto': 'CA', 'America/Vancouver': 'CA', 'America/Mexico_City': 'MX', 'America/Sao_Paulo': 'BR',
  'America/Argentina/Buenos_Aires': 'AR', 'Asia/Tokyo': 'JP', 'Asia/Seoul': 'KR', 'Asia/Shanghai': 'CN', 'Asia/Hong_Kong': 'HK', 'Asia/Singapore': 'SG',
  'Asia/Bangkok': 'TH', 'Asia/Kolkata': 'IN', 'Asia/Dubai': 'AE', 'Asia/Jerusalem': 'IL', 'Africa/Johannesburg': 'ZA', 'Africa/Cairo': 'EG',
  'Africa/Casablanca': 'MA', 'Australia/Sydney': 'AU', 'Australia/Melbourne': 'AU', 'Australia/Perth': 'AU', 'Pacific/Auckland': 'NZ',
};

/** The ISO 3166-1 alpha-2 country of a time zone, when the zone belongs to one country. */
export function countryOfZone(zone: string | undefined): string | undefined {
  return zone ? ZONES[zone] : undefined;
}
