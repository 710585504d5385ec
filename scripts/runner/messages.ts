/**
 * What `npm start` says when the add-on refuses the settings or the import fails: in the words of the command
 * line. A person running it set GREEN_API_URL, GREEN_API_ID_INSTANCE and GREEN_API_TOKEN, not the sidebar's
 * apiUrl, idInstance and apiTokenInstance, and has no menu: so every message names the variable, never a sidebar
 * field or a menu path. Pure: no I/O.
 */
import type { ErrorKind } from '../../src/errors/addon-error';

/** The sidebar field each variable fills. */
export const FIELD_VARIABLES = {
  apiUrl: 'GREEN_API_URL',
  idInstance: 'GREEN_API_ID_INSTANCE',
  apiTokenInstance: 'GREEN_API_TOKEN',
} as const;

/** Words a command-line message must never contain: the sidebar's field names and its menu paths. */
export const SIDEBAR_WORDS = [
  ...Object.keys(FIELD_VARIABLES),
  'Settings',
  'Настройк',
  'настройк',
  '→',
  'sidebar',
];

/** The runner's own message for the failures whose add-on message points at a field or the menu. */
export const RUNNER_ERRORS: Partial<Record<ErrorKind, string>> = {
  noSettings: 'Set GREEN_API_URL, GREEN_API_ID_INSTANCE and GREEN_API_TOKEN to use your GREEN-API instance.',
  badToken:
    'GREEN-API rejected GREEN_API_TOKEN (401). Copy the token of this instance again from the GREEN-API console into GREEN_API_TOKEN.',
  wrongInstance:
    'GREEN-API does not know GREEN_API_ID_INSTANCE at GREEN_API_URL (403). Check GREEN_API_ID_INSTANCE, and set GREEN_API_URL to the host the GREEN-API console shows for your instance (for example https://7105.api.greenapi.com).',
  deleted:
    'The GREEN-API instance was deleted. Create a new one in the GREEN-API console and set GREEN_API_ID_INSTANCE and GREEN_API_TOKEN to it.',
  unexpected:
    'GREEN-API sent an unexpected answer (not a JSON contact list). Check GREEN_API_URL; if it is right, try again later.',
  unreachable:
    'Could not reach GREEN-API at GREEN_API_URL. Check it: the host the GREEN-API console shows, like https://7105.api.greenapi.com.',
  notAllowed:
    'GREEN_API_URL is not a host this add-on may call (*.green-api.com, *.greenapi.com): copy it from the GREEN-API console.',
  noSpreadsheet: 'The import could not open the spreadsheet. Run npm start again.',
};

/** A runner message for Import contacts' failure of `kind`, else the add-on's message in command-line words. */
export function importFailure(kind: string | null | undefined, addonMessage: string): string {
  const own = kind ? RUNNER_ERRORS[kind as ErrorKind] : undefined;
  return own ?? commandLineWords(addonMessage);
}

/**
 * The add-on's "field: message" refusal of a setting as "GREEN_API_…: message", and any field name or menu path
 * in a message replaced by the command line's words.
 */
export function commandLineWords(message: string): string {
  let text = message;
  for (const [field, variable] of Object.entries(FIELD_VARIABLES))
    text = text.replace(new RegExp(`\\b${field}\\b`, 'g'), variable);
  return text
    .replace(/\s*(in|into|and update|update) (WhatsApp Contacts → )?Settings\b/g, '')
    .replace(/WhatsApp Contacts → Settings/g, 'the GREEN_API_* variables')
    .replace(/WhatsApp Contacts → [^.,;)]+/g, 'npm start')
    .replace(/Контакты WhatsApp → Настройки/g, 'переменные GREEN_API_*')
    .replace(/Контакты WhatsApp → [^.,;)]+/g, 'npm start')
    .replace(/\s*в настройках\b/g, '')
    .replace(/ +\./g, '.')
    .replace(/^(GREEN_API_\w+): \1 /, '$1 ');
}
