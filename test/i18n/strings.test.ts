import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { en } from '../../src/i18n/en';
import { languageOf, translator } from '../../src/i18n/i18n';
import { ru } from '../../src/i18n/ru';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('strings tables', () => {
  it('have the same keys in English and Russian', () => {
    expect(Object.keys(ru).sort()).toEqual(Object.keys(en).sort());
  });

  it('have no empty text, and the same {parameters} in both languages', () => {
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      expect(en[key].trim()).not.toBe('');
      expect(ru[key].trim()).not.toBe('');
      const params = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect([key, params(ru[key])]).toEqual([key, params(en[key])]);
    }
  });

  it('contain every key the code names literally', () => {
    const code = sourceFiles(join(__dirname, '../../src'))
      .filter((f) => !f.includes('strings'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const used = new Set(
      [
        ...code.matchAll(
          /['`]((?:app|menu|header|status|log|confirm|deleteRemoved|import|retry|error|formula|field|settings|state|diag)\.[\w.]+)['`]/g,
        ),
      ].map((m) => m[1]),
    );
    const missing = [...used].filter((key) => !(key in en));
    expect(missing).toEqual([]);
  });
});

describe('language choice', () => {
  it('uses Russian for ru locales and English otherwise', () => {
    expect(languageOf('ru')).toBe('ru');
    expect(languageOf('ru_RU')).toBe('ru');
    expect(languageOf('ru-UA')).toBe('ru');
    expect(languageOf('en_GB')).toBe('en');
    expect(languageOf('de')).toBe('en');
    expect(languageOf('')).toBe('en');
  });

  it('fills parameters', () => {
    expect(translator('en')('import.done', { count: 3, users: 2, groups: 1 })).toBe(
      'Imported 3 contacts (users: 2, groups: 1).',
    );
    expect(translator('ru')('import.done', { count: 3, users: 2, groups: 1 })).toContain('3');
  });
});
