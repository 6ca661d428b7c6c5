// Which body met, the publication date a dateline gives, and which meeting a document is about.
import { describe, expect, it } from 'vitest';
import { extract } from '../../../src/ingest/extract/index.js';
import { main } from './main-meeting.js';


describe('body of the meeting', () => {
  it('is the group that met, not one it set up', () => {
    const m = main('The Small Group of the Global Coalition met in Brussels and announced the establishment of the Africa Focus Group.');
    expect(m.body).toBe('Small Group');
  });

  it('reads "The Coalition" opening a sentence and "will host" as a meeting', () => {
    const m = main("The Coalition's political directors will convene in Paris next Thursday.");
    expect([m.body, m.kind, m.city, m.start, m.status]).toEqual(['Global Coalition to Defeat ISIS', 'political-directors', 'Paris', '2024-05-23', 'announced']);
    const h = main('Saudi Arabia will host the Counter ISIS Finance Group in Jeddah on 20 and 21 May.');
    expect([h.body, h.city, h.start, h.end, h.chairs]).toEqual(['Counter ISIS Finance Group', 'Jeddah', '2024-05-20', '2024-05-21', ['Saudi Arabia']]);
  });

  it('is the group the Coalition "convened its" way', () => {
    expect(main('The Global Coalition to Defeat ISIS convened its Small Group in Rome on Tuesday.').body).toBe('Small Group');
  });

  it('is the group a meeting was for, not the Coalition whose partners came', () => {
    const m = main('Experts from thirty Coalition partners met in London on Wednesday for the Communications Working Group.');
    expect(m.body).toBe('Communications Working Group');
  });

  it('gives an Accra Initiative meeting the level the text names', () => {
    expect(main('Security ministers of the Accra Initiative met in Lomé on Monday.').kind).toBe('ministerial');
    expect(main('Intelligence chiefs of the Accra Initiative met in Lomé on Monday.').kind).toBe('other');
  });

  it('reads ECOWAS by its full name and abbreviation, but not its Commission', () => {
    const m = main('LOMÉ, May 17 (Wire) - The summit of the Economic Community of West African States (ECOWAS) opened on Friday, chaired by Togo.');
    expect([m.body, m.kind, m.city, m.chairs]).toEqual(['ECOWAS', 'summit', 'Lomé', ['Togo']]);
    const x = extract({ text: 'The ECOWAS Commission hosted a briefing for journalists on Friday.', published: '2024-05-17' });
    expect(x.meetings).toEqual([]);
  });

  it('gives a G5 Sahel meeting the level the text names, a summit otherwise', () => {
    expect(main('Defence ministers of the G5 Sahel met in Niamey on Monday.').kind).toBe('ministerial');
    expect(main('Heads of state of the G5 Sahel met in Niamey on Monday.').kind).toBe('summit');
    expect(main('Military chiefs of the G5 Sahel met in Niamey on Monday.').kind).toBe('other');
  });

  it('is the more specific group when the lead names a group of the body in the title', () => {
    const m = main('The Small Group of the Global Coalition met in Brussels on Tuesday.', '2024-05-17', 'Meeting of the Global Coalition against Daesh');
    expect(m.body).toBe('Small Group');
  });
});

describe('publication date from the dateline', () => {
  it('resolves a year-less dateline only when the text gives the year', () => {
    const withYear = extract({ text: 'RABAT, March 3 (Wire) - The Global Coalition met on 2 March 2023 in Rabat.', published: null });
    expect(withYear.published).toBe('2023-03-03');
    const without = extract({ text: 'RABAT, March 3 (Wire) - The Global Coalition met on Thursday in Rabat.', published: null });
    expect(without.published).toBeNull();
    expect(without.meetings[0]?.start).toBeNull();
  });

  it('reads a dated dateline line as the publication date', () => {
    const x = extract({ text: 'Media Note\nWashington, DC\nJune 22, 2018\n\nThe Small Group of the Global Coalition will meet on June 26.', published: null });
    expect(x.published).toBe('2018-06-22');
    expect(x.meetings[0]).toMatchObject({ body: 'Small Group', start: '2018-06-26', city: 'Washington', status: 'announced' });
  });
});

describe('which meeting the document is about', () => {
  it('takes "as ministers affirmed at the ministerial in May" for a meeting in passing', () => {
    const x = extract({ text: 'The city has rebuilt its schools since its liberation from ISIS. As ministers affirmed at the Coalition ministerial in Marrakech in May, the fight is not over.', published: '2022-10-14' });
    expect(x.is_meeting_report).toBe(false);
    expect(x.meetings).toMatchObject([{ body: 'Global Coalition to Defeat ISIS', city: 'Marrakech', primary: false }]);
  });

  it('reads "will hold its next plenary" in an announcement as the meeting announced', () => {
    const x = extract({ title: 'Finance group to meet in Riyadh', text: 'The Counter ISIS Finance Group will hold its next plenary in Riyadh on 30 May, co-chaired by Italy.', published: '2024-05-17' });
    expect(x.meetings).toMatchObject([{ body: 'Counter ISIS Finance Group', city: 'Riyadh', start: '2024-05-30', chairs: ['Italy'], primary: true, status: 'announced' }]);
  });

  it('does not make a statement that will raise an issue at the next ministerial a meeting report', () => {
    const x = extract({ text: 'The Treasury designated two ISIS financiers on Monday. Their assets are blocked. The United States will raise the case at the next Coalition ministerial in Rome.', published: '2024-05-17' });
    expect(x.is_meeting_report).toBe(false);
  });

  it('takes a meeting told in a "when" clause past the lead for a backdrop, not the story', () => {
    const text = 'Niger said on Monday it would reopen its border with Benin. Officials said the decision followed months of talks. The reopening was agreed when senior officials of the Accra Initiative met in Cotonou last month, an adviser said.';
    const x = extract({ text, published: '2024-05-17' });
    expect(x.is_meeting_report).toBe(false);
    expect(x.meetings).toMatchObject([{ body: 'Accra Initiative', city: 'Cotonou', primary: false }]);
    // Opening the story, the same clause is its subject; so it is when the title names the body.
    expect(main('Ministers agreed on joint patrols when the Accra Initiative met in Cotonou on Thursday.').city).toBe('Cotonou');
    const titled = main('Benin and Niger agreed on Monday to reopen their border. Officials said the decision followed months of talks. It was agreed when ministers of the Accra Initiative met in Cotonou, an adviser said.', '2024-05-17', 'Accra Initiative ministers back border reopening');
    expect([titled.body, titled.city]).toEqual(['Accra Initiative', 'Cotonou']);
  });

  it('takes a meeting told in a relative clause after the sentence\'s own verb for a backdrop ("which met in Nairobi last month")', () => {
    const text = 'The Treasury designated three ISIS financiers on Monday. Their assets are blocked. The action was coordinated with Kenya and builds on discussions among members of the Counter ISIS Finance Group, which met in Nairobi last month.';
    const x = extract({ text, published: '2024-05-17' });
    expect(x.is_meeting_report).toBe(false);
    expect(x.meetings).toMatchObject([{ body: 'Counter ISIS Finance Group', city: 'Nairobi', start: null, primary: false }]);
    // Without a verb of its own before it, the relative clause tells the story's meeting.
    expect(main('Ministers arrived on Monday. Talks were tense. The Counter ISIS Finance Group, which met in Nairobi on Tuesday, agreed a plan.').city).toBe('Nairobi');
  });

  it('takes a backdrop meeting the story goes on to describe for the meeting it reports', () => {
    const text = 'Fishermen on the lake say the war has no end. The army patrols the islands. Thousands have fled. The plight of the region came up in Niamey on Wednesday, when political directors of the Global Coalition met in the Nigerien capital. The meeting was hosted by Niger and co-chaired by the United States.';
    const m = main(text);
    expect([m.body, m.kind, m.city, m.start, m.chairs]).toEqual(['Global Coalition to Defeat ISIS', 'political-directors', 'Niamey', '2024-05-15', ['Niger', 'United States']]);
  });

  it('does not take "co-chaired earlier this week" for another meeting than the one told', () => {
    const m = main('Rome - The Moroccan Foreign Minister and the Italian Deputy Foreign Minister co-chaired earlier this week in Rome a ministerial meeting of the Global Coalition against Daesh. Ministers welcomed the work of the Africa Focus Group, co-chaired by Morocco, Italy and Nigeria.');
    expect([m.body, m.kind, m.city, m.start, m.chairs]).toEqual(['Global Coalition to Defeat ISIS', 'ministerial', 'Rome', null, ['Morocco', 'Italy']]);
  });

  it('takes a coming meeting first told late in a story on something else for an aside ("are due to meet next month")', () => {
    const text = 'Floods destroyed hundreds of homes in northern Ghana on Sunday, officials said. Thousands of families have fled to schools and churches. Aid groups warned of disease. Accra Initiative ministers are due to meet in Lomé next month to discuss border security.';
    const x = extract({ text, published: '2024-05-17' });
    expect(x.is_meeting_report).toBe(false);
    expect(x.meetings).toMatchObject([{ body: 'Accra Initiative', city: 'Lomé', primary: false, status: 'announced' }]);
    // Named in the title, the same meeting is what the story is about.
    const titled = extract({ text, title: 'Accra Initiative ministers to meet in Lomé', published: '2024-05-17' });
    expect(titled.meetings[0]).toMatchObject({ body: 'Accra Initiative', city: 'Lomé', primary: true });
  });

  it('keeps "the next meeting" of a meeting already held apart from it', () => {
    const x = extract({ text: 'The Counter ISIS Finance Group met in Riyadh on Tuesday. It will hold its next plenary in Rome in the autumn.', published: '2024-05-17' });
    expect(x.meetings.map((m) => [m.city, m.primary])).toEqual([['Riyadh', true], ['Rome', false]]);
  });
});
