import { describe, expect, it } from 'vitest';
import { extract } from '../../../src/ingest/extract/index.js';
import { findTopics } from '../../../src/ingest/extract/topics.js';

describe('topic salience', () => {
  it('does not tag a topic from one passing word late in the text', () => {
    const text = [
      'Finance experts of the Coalition met to trace the funding of ISIS cells.',
      'They compared how each country blocks assets and monitors donations.',
      'They exchanged lists of cash couriers.',
      'One delegate mentioned a recent case in Afghanistan in passing.',
    ].join(' ');
    const topics = extract({ text, published: '2024-05-17' }).topics;
    expect(topics).toContain('terrorism-financing');
    expect(topics).not.toContain('afghanistan');
  });

  it('reads money reaching terrorist networks as financing when a meeting discussed it', () => {
    const text = 'Partners of the Coalition met in Accra on Monday. Delegates discussed cutting off the money that reaches terrorist networks.';
    expect(extract({ text, published: '2024-05-17' }).topics).toContain('terrorism-financing');
    // Money for schools is no financing of terrorism.
    const other = 'Partners of the Coalition met in Accra on Monday. Delegates discussed the money that reaches rural schools.';
    expect(extract({ text: other, published: '2024-05-17' }).topics).not.toContain('terrorism-financing');
  });

  it('does not read the name of a group only mentioned as its topic', () => {
    const text = 'LONDON - Experts of the Communications Working Group of the Global Coalition met on Wednesday. The meeting heard briefings on the work of the Counter ISIS Finance Group and the Africa Focus Group, and discussed online propaganda.';
    const topics = extract({ text, published: '2024-05-17' }).topics;
    expect(topics).toContain('counter-messaging');
    expect(topics).not.toContain('terrorism-financing');
    expect(topics).not.toContain('africa');
  });

  it('still reads the name of the group that met', () => {
    const text = 'The Africa Focus Group of the Global Coalition met in Rabat on Wednesday to review its work plan.';
    expect(extract({ text, published: '2024-05-17' }).topics).toContain('africa');
  });

  it('does not take funding for forces or programmes, or a funding gap, for terrorism financing', () => {
    const forces = 'Defence ministers of the G5 Sahel met in Niamey on Friday and asked partners to release the funds promised to the group\'s joint counter-terrorism force.';
    expect(extract({ text: forces, published: '2024-05-17' }).topics).not.toContain('terrorism-financing');
    const gap = 'Political directors of the Small Group met in Oslo on Tuesday. They discussed the funding gap of the guards at the camps and funding for rehabilitation programmes.';
    expect(extract({ text: gap, published: '2024-05-17' }).topics).not.toContain('terrorism-financing');
    // Funding that reaches the armed groups still is.
    const theirs = 'Finance experts of the Coalition met in Oslo on Tuesday. They discussed the funding of ISIS cells and the funds sent to its branches.';
    expect(extract({ text: theirs, published: '2024-05-17' }).topics).toContain('terrorism-financing');
  });

  it('counts the countries a list of participants names once, as a passing mention', () => {
    const lead = 'Security ministers of the Accra Initiative met in Accra on Monday. ';
    const list = 'Ministers of security and defence from Benin, Burkina Faso, Ghana, Mali and Togo took their seats for the opening session.';
    expect(extract({ text: lead + list, published: '2024-05-17' }).topics).not.toContain('sahel');
    // With one more mention of its own, the region is a topic.
    expect(extract({ text: `${lead + list} Officials said the threat once confined to the Sahel had reached the coast.`, published: '2024-05-17' }).topics).toContain('sahel');
    // A list of what was discussed is no list of participants.
    expect(extract({ text: `${lead}The meeting discussed attacks in Burkina Faso and Mali.`, published: '2024-05-17' }).topics).toContain('sahel');
  });

  it('does not take funds pledged for stabilization for terrorism financing', () => {
    const text = 'Ministers of the Global Coalition met in Rome on Tuesday and pledged new funds for stabilization. They agreed to keep funding stabilization in liberated areas.';
    expect(extract({ text, published: '2024-05-17' }).topics).not.toContain('terrorism-financing');
  });

  it('does not take funding for repairs for terrorism financing, nor "military means alone" for the military campaign', () => {
    const text = 'Ministers of the Global Coalition met in Rome on Tuesday to discuss funding for the rebuilding of bridges. They stressed that military means alone will not bring peace, and that funding for the repair of clinics must continue.';
    const topics = extract({ text, published: '2024-05-17' }).topics;
    expect(topics).not.toContain('terrorism-financing');
    expect(topics).not.toContain('military-campaign');
  });

  it('tags a topic named in the title', () => {
    const topics = extract({ text: 'Officials met to talk about the region.', title: 'Coalition officials discuss the Sahel', published: null }).topics;
    expect(topics).toContain('sahel');
  });

  it('does not take the Africa Focus Group\'s name for a sentence saying what was discussed', () => {
    // "Focus" in the group's name is not "focused on": the co-chair list is no agenda.
    const text = 'Ministers of the Global Coalition met in Rome on Tuesday. They spoke of the threat in the Middle East. Ministers adopted a declaration and welcomed the work of the Africa Focus Group, co-chaired by Morocco, Italy and Nigeria.';
    expect(extract({ text, published: '2024-05-17' }).topics).not.toContain('west-africa');
  });

  it('reads the verb "combat" as no military campaign, the noun still as one', () => {
    const verb = 'The Finance Group of the Coalition met in Manama on Tuesday. The minister praised efforts to combat money laundering and the financing of terrorism.';
    expect(extract({ text: verb, published: '2024-05-17' }).topics).not.toContain('military-campaign');
    const noun = 'Defence chiefs of the Coalition met in Amman on Tuesday. They discussed the end of combat operations in Iraq.';
    expect(extract({ text: noun, published: '2024-05-17' }).topics).toContain('military-campaign');
  });

  it('does not read a founding member\'s membership as news of coalition membership', () => {
    const founding = 'Bahrain hosted the Counter ISIS Finance Group in Manama on Tuesday. Bahrain joined the Coalition at its founding in 2014.';
    expect(extract({ text: founding, published: '2024-05-17' }).topics).not.toContain('coalition-membership');
    const news = 'Officials welcomed the news that Zambia joined the Coalition on Monday, the latest African state to do so.';
    expect(extract({ text: news, published: '2024-05-17' }).topics).toContain('coalition-membership');
  });

  it('reads camps for displaced families as humanitarian, not detention', () => {
    const text = 'Political directors of the Global Coalition met in N\'Djamena on Wednesday. Some 200,000 people are displaced around the lake, many of them in camps for displaced families. The meeting discussed how to bring the displaced home.';
    const topics = extract({ text, published: '2024-05-17' }).topics;
    expect(topics).toContain('humanitarian');
    expect(topics).not.toContain('detention-and-repatriation');
  });

  it('does not read a ministry\'s name ("Foreign Affairs, African Cooperation and ... Abroad") as Africa', () => {
    const text = 'The Ministry of Foreign Affairs, African Cooperation and Mauritanians Abroad announces that the Small Group of the Global Coalition met in Nouakchott on Tuesday to discuss Syria.';
    expect(extract({ text, title: 'Communiqué of the Ministry of Foreign Affairs, African Cooperation and Mauritanians Abroad', published: '2024-05-17' }).topics).not.toContain('africa');
  });

  it('reads ransoms and sources of money as financing, operations against ISIS as the military campaign, retaken areas as stabilization', () => {
    const text = 'The Africa Focus Group met in Abidjan on Tuesday. Delegates discussed kidnapping for ransom and ways to cut off those sources of money.';
    expect(extract({ text, published: '2024-05-17' }).topics).toContain('terrorism-financing');
    const ops = 'The Small Group met virtually on Tuesday. Participants reviewed the sustained operations against ISIS cells in the desert.';
    expect(extract({ text: ops, published: '2024-05-17' }).topics).toContain('military-campaign');
    const areas = 'Political directors of the Global Coalition met in Niamey on Tuesday. Speakers at the meeting urged partners to pay for roads and clinics in areas the army has retaken.';
    expect(extract({ text: areas, published: '2024-05-17' }).topics).toContain('stabilization');
  });

  it('reads protection payments, money sent to other branches, money transfers and a financial hub as financing', () => {
    const lead = 'The Africa Focus Group met in Abidjan on Tuesday. Some sixty delegations took part. ';
    for (const said of [
      'Delegates discussed the protection payments that armed groups collect in villages.',
      'Delegates discussed how the Somali branch sends money to other branches.',
      'Delegates discussed money transfers by couriers.',
      'Delegates discussed a financial hub in the mountains.',
    ]) expect(extract({ text: lead + said, published: '2024-05-17' }).topics).toContain('terrorism-financing');
  });

  it('reads "attention was turned to" as saying what was discussed, a speech ("In his address") not', () => {
    const lead = 'The Small Group met in Rome on Tuesday at the foreign ministry. Delegations from sixty countries took part in the talks. ';
    const turned = extract({ text: `${lead}In the afternoon, attention was turned to the Sahel, where armed groups are gaining ground.`, published: '2024-05-17' });
    expect(turned.topics).toContain('sahel');
    const speech = extract({ text: `${lead}In his address, the minister recalled the group that fights the financing of Daesh.`, published: '2024-05-17' });
    expect(speech.topics).not.toContain('terrorism-financing');
    const verb = extract({ text: `${lead}Ministers addressed the financing of Daesh.`, published: '2024-05-17' });
    expect(verb.topics).toContain('terrorism-financing');
  });

  it('does not read the name of the Economic Community of West African States as Africa', () => {
    const text = 'Ministers of the Economic Community of West African States met in Abuja on Tuesday to plan a standby force.';
    const topics = extract({ text, published: '2024-05-17' }).topics;
    expect(topics).not.toContain('africa');
    expect(topics).toContain('west-africa');
  });

  it('honours phrases that must not count', () => {
    const defs = [{ id: 'military-campaign', label: 'Military', phrases: ['military'], exclude: ['non-military'] }];
    const text = 'non-military aid. non-military aid. non-military aid.';
    expect(findTopics(null, text, [], defs)).toEqual([]);
    expect(findTopics(null, 'military aid. military aid.', [], defs)).toEqual(['military-campaign']);
  });
});

describe('summary', () => {
  const text = [
    'RABAT, May 3 - The Global Coalition to Defeat ISIS held a ministerial meeting in Rabat on Thursday, co-hosted by Morocco and the United States.',
    '',
    'Ministers agreed to expand support for stabilization in Iraq and Syria and to widen information sharing on foreign terrorist fighters.',
    '',
    'The weather was mild.',
    '',
    'They also welcomed two new members of the Coalition from West Africa, bringing the membership to eighty-six.',
  ].join('\n');

  it('quotes two or three sentences with exact offsets, in source order', () => {
    const { summary } = extract({ text, published: '2024-05-03' });
    expect(summary.length).toBeGreaterThanOrEqual(2);
    expect(summary.length).toBeLessThanOrEqual(3);
    for (const s of summary) expect(text.slice(s.start, s.end)).toBe(s.text);
    const starts = summary.map((s) => s.start);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    expect(summary.map((s) => s.text)).not.toContain('The weather was mild.');
  });

  it('keeps offsets into the body even when a title is given', () => {
    const { summary } = extract({ text, title: 'Coalition ministers meet in Rabat', published: '2024-05-03' });
    for (const s of summary) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('degenerate input', () => {
  it('handles an empty document and a title alone', () => {
    const empty = extract({ text: '' });
    expect(empty).toMatchObject({ published: null, is_meeting_report: false, meetings: [], topics: [], people: [], summary: [] });
    const titled = extract({ text: '', title: 'Small Group of the Global Coalition meets in Rome', published: '2024-01-10' });
    expect(titled.meetings[0]).toMatchObject({ body: 'Small Group', city: 'Rome', primary: true });
    expect(titled.summary).toEqual([]);
  });
});
