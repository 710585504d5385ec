/**
 * A WhatsApp contact as the add-on keeps it: the four documented getContacts fields, normalised so that names
 * are always strings (the API may send them empty or leave them out) and `type` is always `user` or `group`.
 */

/** The kinds of contact getContacts reports. */
export type ContactType = 'user' | 'group';

/** One contact. Only `id` and `type` are reliable; names may be ''. */
export interface Contact {
  id: string;
  name: string;
  contactName: string;
  type: ContactType;
}
