/**
 * Contact data for the fake GREEN-API server: a hand-written sample list that mirrors the documented getContacts
 * answer and its edge cases (groups old/new style, `@lid`, empty or missing names, spreadsheet-hostile names, a
 * 60,000-character name), plus `generateContacts`, a fast deterministic generator for large lists.
 */

/** One getContacts element as documented: `id` and `type` always, `name`/`contactName` may be empty or absent. */
export interface Contact {
  id: string;
  name?: string;
  contactName?: string;
  type: 'user' | 'group';
}

/** A 60,000-character contact name (Cyrillic text repeated), for cell-size limits (a cell holds 50,000 chars). */
export const LONG_NAME: string = 'Очень длинное имя контакта '.repeat(2300).slice(0, 60000);

/** The sample list (26 contacts): the three doc examples first, then realistic and nasty entries. */
export const SAMPLE_CONTACTS: readonly Contact[] = [
  // The documented example answer (GetContacts page), verbatim.
  { id: '11001234567@c.us', name: 'Иван Петров', contactName: 'Иван Петоров Работа', type: 'user' },
  { id: '79001234568@c.us', name: 'Люся Сидорова', contactName: 'Люся Сидорова кружок шитья', type: 'user' },
  { id: '79001234569-1479621234@g.us', name: 'Моя группа', type: 'group' },
  // Ordinary people, Russian and English names.
  { id: '79161234501@c.us', name: 'Мария', contactName: 'Мария Иванова (бухгалтерия)', type: 'user' },
  { id: '14155550123@c.us', name: 'John Smith', contactName: 'John Smith', type: 'user' },
  { id: '447911123456@c.us', name: 'Emily', contactName: 'Emily Clarke — London', type: 'user' },
  { id: '79031112233@c.us', name: '', contactName: 'Сантехник Пётр', type: 'user' },
  { id: '79265550001@c.us', name: 'Alexey K.', type: 'user' },
  { id: '79995550002@c.us', name: '', type: 'user' },
  { id: '79995550003@c.us', name: '', contactName: '', type: 'user' },
  { id: '79995550004@c.us', name: 'Оля 🌸', contactName: 'Ольга 👩‍💻 Dev', type: 'user' },
  // A linked-id user: not a phone number.
  { id: '123456789012345@lid', name: 'Lid User', contactName: 'Кто-то через lid', type: 'user' },
  // Groups: new 18-digit style, old creator-timestamp style, group with an empty subject.
  { id: '120363043968066561@g.us', name: 'Семья 👨‍👩‍👧', type: 'group' },
  { id: '120363025550000001@g.us', name: 'Project Team', type: 'group' },
  { id: '79161234501-1600000000@g.us', name: '', type: 'group' },
  // Names that a spreadsheet would reinterpret (formula, number, date, boolean, phone, quote prefix, mention).
  { id: '79990000001@c.us', name: '=HYPERLINK("http://evil.example","x")', type: 'user' },
  { id: '79990000002@c.us', name: '00123', contactName: '00123', type: 'user' },
  { id: '79990000003@c.us', name: '2024-01-02', type: 'user' },
  { id: '79990000004@c.us', name: 'TRUE', contactName: 'FALSE', type: 'user' },
  { id: '79990000005@c.us', name: '+7 900 123', type: 'user' },
  { id: '79990000006@c.us', name: "'quoted", type: 'user' },
  { id: '79990000007@c.us', name: '@mention', type: 'user' },
  { id: '79990000008@c.us', name: '-5', contactName: '+1', type: 'user' },
  { id: '79990000009@c.us', name: 'Tab\there, line\nbreak', contactName: '  spaces around  ', type: 'user' },
  { id: '120363099999999999@g.us', name: '=1+1', type: 'group' },
  // A name longer than a Sheets cell allows.
  { id: '79990000010@c.us', name: LONG_NAME, contactName: 'Длинное имя', type: 'user' },
];

const RU_FIRST = [
  'Иван',
  'Мария',
  'Алексей',
  'Ольга',
  'Дмитрий',
  'Анна',
  'Сергей',
  'Екатерина',
  'Пётр',
  'Юлия',
];
const RU_LAST = ['Петров', 'Иванова', 'Смирнов', 'Кузнецова', 'Попов', 'Соколова', 'Лебедев', 'Новикова'];
const EN_FIRST = ['John', 'Emily', 'Michael', 'Sarah', 'David', 'Laura', 'James', 'Olivia', 'Robert', 'Emma'];
const EN_LAST = ['Smith', 'Johnson', 'Brown', 'Taylor', 'Wilson', 'Davies', 'Evans', 'Clarke'];
const OTHER = [
  'محمد علي',
  '李伟',
  'Zoë Müller',
  'José Álvarez',
  'Ngozi Okafor',
  'हरि शर्मा',
  'Αλέξης',
  'Łukasz',
];
const EMOJI = ['🌸', '🚀', '👍', '❤️', '👨‍👩‍👧', '😀', '🔥', '☕'];
const SUFFIX = ['Работа', 'дача', 'Work', 'gym', 'школа', 'Office', 'сосед', 'client'];
const GROUP_WORDS = [
  'Семья',
  'Family',
  'Работа',
  'Team',
  'Дача',
  'Football',
  'Родители 5Б',
  'Book club',
  'ТСЖ',
];
const PREFIXES = ['790', '791', '792', '793', '795', '796', '799', '141', '155', '447', '491', '380', '998'];

// Global lookups are slow inside Jest's VM context (a 1M-iteration loop over `Math.floor` takes ~250 ms there, ~4 ms
// in plain node), so the generator avoids globals in its hot loop and draws names from pools built once.
const { floor, imul } = Math;

/** mulberry32: a tiny, fast, seedable PRNG returning unsigned 32-bit integers. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

interface NamePools {
  person: string[];
  contact: string[];
  subject: string[];
}
let pools: NamePools | undefined;

/** Name pools (4096 person names, 4096 phone-book names, 1024 group subjects), built once with a fixed seed. */
function namePools(): NamePools {
  if (pools) return pools;
  const r = mulberry32(0x5eed);
  const pick = <T>(list: readonly T[]): T => list[r() % list.length] as T;
  const person = (): string => {
    const k = r() % 100;
    let s: string;
    if (k < 40) s = `${pick(RU_FIRST)} ${pick(RU_LAST)}`;
    else if (k < 75) s = `${pick(EN_FIRST)} ${pick(EN_LAST)}`;
    else if (k < 90) s = pick(OTHER);
    else s = `${pick(RU_FIRST)} ${pick(EN_LAST)}`;
    return r() % 100 < 8 ? `${s} ${pick(EMOJI)}` : s;
  };
  const mk = <T>(n: number, f: () => T): T[] => Array.from({ length: n }, f);
  pools = {
    person: mk(4096, person),
    contact: mk(4096, () => (r() % 2 ? person() : `${person()} ${pick(SUFFIX)}`)),
    subject: mk(1024, () => (r() % 100 < 5 ? '' : `${pick(GROUP_WORDS)} ${1 + (r() % 99)}`)),
  };
  return pools;
}

/** Unique 8-digit number per index: a bijection of Z/10^8 (multiplier is coprime to 10), offset by the seed. */
function uniqueDigits(i: number, offset: number): string {
  return `${(i * 48271 + offset) % 100000000}`.padStart(8, '0');
}

const LID_PREFIXES = ['123', '145', '167'];

/** Generates `n` deterministic contacts (~80% users incl. some @lid, ~20% groups); ids are unique for n ≤ 10^8. */
export function generateContacts(n: number, seed = 1): Contact[] {
  const { person, contact, subject } = namePools();
  const rnd = mulberry32(seed);
  const offset = (floor(seed) * 7919) % 100000000;
  const count = n > 0 ? floor(n) : 0;
  const out: Contact[] = [];
  for (let i = 0; i < count; i++) {
    const digits = uniqueDigits(i, offset);
    const a = rnd();
    const b = rnd();
    const kind = a % 100;
    if (kind < 20) {
      const id =
        (a >>> 8) % 10 < 3
          ? `${PREFIXES[b % PREFIXES.length]}${digits}-${1400000000 + (b % 300000000)}@g.us`
          : `1203630${`${i % 1000}`.padStart(3, '0')}${digits}@g.us`;
      out.push({ id, name: subject[(b >>> 8) & 1023] as string, type: 'group' });
      continue;
    }
    const id =
      kind < 28
        ? `${LID_PREFIXES[b % 3]}${digits}${`${i % 10000}`.padStart(4, '0')}@lid`
        : `${PREFIXES[b % PREFIXES.length]}${digits}@c.us`;
    const name = (a >>> 8) % 10 < 3 ? '' : (person[(b >>> 4) & 4095] as string);
    const c = (a >>> 16) % 100;
    if (c < 55) out.push({ id, name, contactName: contact[(b >>> 16) & 4095] as string, type: 'user' });
    else if (c < 65) out.push({ id, name, contactName: '', type: 'user' });
    else out.push({ id, name, type: 'user' });
  }
  return out;
}

/**
 * The same list after a refresh's worth of change: a `churn` share of it changed (0.01 = 1%) — 40% of those
 * contacts left, 30% renamed (their contact name), 30% new ones joined. Deterministic, spread over the list.
 */
export function churnContacts(list: readonly Contact[], churn: number, seed = 1): Contact[] {
  const changed = floor(list.length * churn);
  const leave = floor(changed * 0.4);
  const rename = floor(changed * 0.3);
  const join = changed - leave - rename;
  const step = (k: number) => (k > 0 ? floor(list.length / k) : list.length + 1);
  const kept = list.filter((_, i) => !(i % step(leave) === 0 && i / step(leave) < leave));
  const every = rename > 0 ? floor(kept.length / rename) : kept.length + 1;
  const out: Contact[] = kept.map((c, i) =>
    i % every === every - 1 && floor(i / every) < rename
      ? { ...c, contactName: `${c.contactName ?? c.name ?? ''} (new)` }
      : c,
  );
  const offset = (floor(seed) * 104729 + 50000000) % 100000000;
  for (let i = 0; i < join; i++)
    out.push({ id: `7${uniqueDigits(i, offset)}00@c.us`, name: `Joiner ${i + 1}`, type: 'user' });
  return out;
}

/**
 * `count` participants of a group, deterministic per group id and seed: the first a superadmin, the next two
 * admins; ids are phones (`…@c.us`) and, one in ten, linked ids (`…@lid`).
 */
export function generateParticipants(
  groupId: string,
  count: number,
  seed = 1,
): Array<{ id: string; isAdmin: boolean; isSuperAdmin: boolean }> {
  let h = seed >>> 0;
  for (let i = 0; i < groupId.length; i++) h = imul(h ^ groupId.charCodeAt(i), 0x01000193) >>> 0;
  const rnd = mulberry32(h);
  const out: Array<{ id: string; isAdmin: boolean; isSuperAdmin: boolean }> = [];
  const seen = new Set<string>();
  while (out.length < count) {
    const a = rnd();
    const digits = `${a % 100000000}`.padStart(8, '0');
    const id =
      a % 10 === 0
        ? `${LID_PREFIXES[a % 3]}${digits}0000@lid`
        : `${PREFIXES[(a >>> 8) % PREFIXES.length]}${digits}@c.us`;
    if (seen.has(id)) continue;
    seen.add(id);
    const n = out.length;
    out.push({ id, isAdmin: n > 0 && n < 3, isSuperAdmin: n === 0 });
  }
  return out;
}
