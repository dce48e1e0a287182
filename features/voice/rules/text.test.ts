import { describe, expect, it } from 'vitest';
import { commonThemes, themeKey, themesOf } from './themes.ts';

describe('themes', () => {
  it('finds key phrases with stemming and without stop words', () => {
    const themes = themesOf('We waited ages in the queue and the waiting times were awful');
    expect(themes.map((theme) => theme.key)).toContain('wait time');
    expect(themes.find((theme) => theme.key === 'wait time')?.label).toBe('waiting times');
    expect(themes.every((theme) => !['the', 'and', 'we', 'were'].includes(theme.label))).toBe(true);
  });

  it('groups variants across texts', () => {
    const common = commonThemes(['Long waiting times at lunch', 'The wait times are too long', 'Friendly barista', 'Delivery was late']);
    expect(common[0]).toMatchObject({ key: 'wait time', count: 2 });
    expect(themeKey('Waiting Times')).toBe('wait time');
  });

  it("groups the README's example as documented: wait time and wait apart, pairs on their own", () => {
    const keys = (text: string) => themesOf(text).map((theme) => theme.key);
    expect(keys('The waiting times were awful')).toContain('wait time');
    expect(keys('Wait times are far too long')).toContain('wait time');
    expect(keys('We waited and waited')).toEqual(['wait']);
    expect(keys('Waiting again')).toEqual(['wait']);
    expect(keys('I waited ages for my coffee')).not.toContain('wait');
    expect(keys('Long wait at the counter')).not.toContain('wait');
  });

  it('is deterministic', () => {
    const text = 'The fridge arrived damaged and the installation was rushed';
    expect(themesOf(text)).toEqual(themesOf(text));
  });
});

describe('theme noise', () => {
  it('skips names, extra function words and one-letter words', () => {
    expect(themesOf('Amara seemed distracted and got my order wrong', 3, ['Amara Nwosu']).map((t) => t.key)).not.toContain('amara');
    expect(themesOf('Coffee was lukewarm when served').map((t) => t.label)).not.toContain('lukewarm when');
    expect(themesOf('He forgot the extra shot I paid for').map((t) => t.label)).not.toContain('shot paid');
    expect(themesOf('Long waiting times at the counter during lunch').map((t) => t.label)).not.toContain('counter during');
  });
});
