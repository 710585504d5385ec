/**
 * Validates a getContacts answer. It must be a JSON array (anything else is an unexpected answer); entries
 * without a usable id (a WhatsApp id has an `@`) are skipped, duplicates keep their first occurrence, and a missing or unknown `type` is
 * inferred from the id suffix (`@g.us` is a group).
 */
import { AddonError } from '../errors/addon-error';
import type { Contact, ContactType } from './contact';

/** A WhatsApp id: something, `@`, a domain, no spaces (`…@c.us`, `…@g.us`, `…@lid`). */
export const WHATSAPP_ID = /^[^@\s]+@[^@\s]+$/;

/** Turns the parsed JSON of a getContacts answer into contacts; throws AddonError('unexpected') if not an array. */
export function parseContacts(json: unknown): Contact[] {
  if (!Array.isArray(json)) throw new AddonError('unexpected');
  const seen = new Set<string>();
  const contacts: Contact[] = [];
  for (const entry of json) {
    if (!entry || typeof entry !== 'object') continue;
    const record = entry as Record<string, unknown>;
    const id = typeof record.id === 'string' ? record.id.trim() : '';
    if (!WHATSAPP_ID.test(id) || id.startsWith('null@') || seen.has(id)) continue;
    seen.add(id);
    contacts.push({
      id,
      name: text(record.name),
      contactName: text(record.contactName),
      type: contactType(record.type, id),
    });
  }
  return contacts;
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

function contactType(value: unknown, id: string): ContactType {
  if (value === 'user' || value === 'group') return value;
  return id.endsWith('@g.us') ? 'group' : 'user';
}
