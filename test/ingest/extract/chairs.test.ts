import { describe, expect, it } from 'vitest';
import { main } from './main-meeting.js';

describe('chairs', () => {
  it('lists chairs named after "co-chaired by"', () => {
    const m = main('The Africa Focus Group, co-chaired by Morocco, the United States, Italy and Niger, met in Niamey on Tuesday.');
    expect(m.chairs).toEqual(['Morocco', 'United States', 'Italy', 'Niger']);
  });

  it('maps offices and demonyms to countries', () => {
    const m = main('The Global Coalition ministerial was chaired by the US Secretary of State together with his Saudi counterpart.');
    expect(m.chairs).toEqual(['United States', 'Saudi Arabia']);
  });

  it('reads hosts in the active voice and partners after "with"', () => {
    const m = main('U.S. Secretary of State Jane Doe will co-host, with Italian Foreign Minister Mario Rossi, a meeting of the Global Coalition on June 4.');
    expect(m.chairs).toEqual(['United States', 'Italy']);
  });

  it('reads a partner named after the meeting ("hosted the meeting together with")', () => {
    const m = main('Political directors of the Small Group met in Copenhagen on Wednesday. Denmark hosted the meeting together with the United States.');
    expect(m.chairs).toEqual(['Denmark', 'United States']);
  });

  it('reads hosts from "at the invitation of"', () => {
    const m = main('Political directors of the Small Group met in Paris on Tuesday at the invitation of France and the United States.');
    expect(m.chairs).toEqual(['France', 'United States']);
  });

  it('reads a bare "with Y" after the meeting a co-chair verb governs as a partner chair', () => {
    const which = main('The Small Group met in Oslo on Tuesday. Norway, which co-chaired the meeting with the United States, urged partners to repatriate their nationals.');
    expect(which.chairs).toEqual(['Norway', 'United States']);
    const plain = main('The Small Group met in Oslo on Tuesday. Norway co-chaired the meeting with Canada.');
    expect(plain.chairs).toEqual(['Norway', 'Canada']);
    // Not a chair: someone the meeting was with, without a co-chair verb.
    expect(main('The Small Group met in Oslo on Tuesday. Norway hosted a dinner after the meeting with Canada.').chairs).not.toContain('Canada');
  });

  it('reads a partner chair after the venue and day of the meeting ("co-chaired the meeting of X in Rome with Y")', () => {
    const m = main('Italy co-chaired the meeting of the Africa Focus Group in Rome with Nigeria.');
    expect([m.body, m.city, m.chairs]).toEqual(['Africa Focus Group', 'Rome', ['Italy', 'Nigeria']]);
    const dated = main('Denmark co-chaired the meeting of the Small Group on 14 May in Copenhagen with the United States.');
    expect([dated.city, dated.start, dated.chairs]).toEqual(['Copenhagen', '2024-05-14', ['Denmark', 'United States']]);
    // After a topic rather than a venue, or "with the support of", the country is no chair.
    expect(main('Italy co-chaired the meeting of the Africa Focus Group on border security with Nigeria.').chairs).toEqual(['Italy']);
    expect(main('Italy co-chaired the meeting of the Africa Focus Group in Rome with the support of Nigeria.').chairs).toEqual(['Italy']);
  });

  it('reads the co-chairs a sentence names without a meeting word', () => {
    const lead = 'The Africa Focus Group met in Accra on Tuesday. ';
    expect(main(`${lead}The group's co-chairs, Italy, Morocco and Nigeria, led discussions on the Lake Chad basin.`).chairs).toEqual(['Italy', 'Morocco', 'Nigeria']);
    expect(main(`${lead}The group's co-chairs are Italy and Morocco.`).chairs).toEqual(['Italy', 'Morocco']);
    expect(main(`${lead}In a closing statement, Italy and the United States, as co-chairs, said partners agreed a plan.`).chairs).toEqual(['Italy', 'United States']);
  });

  it('reads holders listed before "chairmanship" ("under Danish and American chairmanship")', () => {
    expect(main('The Small Group gathered in Oslo on Tuesday under Norwegian and Canadian chairmanship.').chairs).toEqual(['Norway', 'Canada']);
    expect(main('The Small Group gathered in Oslo on Tuesday under the chairmanship of Norway.').chairs).toEqual(['Norway']);
  });

  it('takes "she co-chaired" for the country of the ministry the sentence before ties her to', () => {
    const m = main('Maria Lund heads the stabilization division at Sweden\'s Foreign Ministry. On Monday she co-chaired a meeting of the Stabilization Working Group in Baghdad.');
    expect(m.chairs).toEqual(['Sweden']);
    // Two ministries, or none tied to a named person: no chair from the pronoun.
    const two = main('Maria Lund worked at Sweden\'s Foreign Ministry and Norway\'s Foreign Ministry. On Monday she co-chaired a meeting of the Stabilization Working Group in Baghdad.');
    expect(two.chairs).toEqual([]);
    const none = main('A report was written at Sweden\'s Foreign Ministry. On Monday she co-chaired a meeting of the Stabilization Working Group in Baghdad.');
    expect(none.chairs).toEqual([]);
  });

  it('keeps the host and chairs of a meeting whose relative clause says the day it began', () => {
    const m = main('Envoys wrapped up two days of talks of the Africa Focus Group in Lomé on Thursday. The government of Togo hosted the meeting, which began on Wednesday and was co-chaired by Italy and Morocco.');
    expect([m.start, m.end, m.chairs]).toEqual(['2024-05-15', '2024-05-16', ['Togo', 'Italy', 'Morocco']]);
  });

  it('takes "he" in "which he co-chaired" for the subject of the sentence', () => {
    const m = main('The Italian Foreign Minister opened in Rome the meeting of the Counter ISIS Finance Group, which he co-chaired with his Saudi counterpart.');
    expect(m.chairs).toEqual(['Italy', 'Saudi Arabia']);
  });

  it('reads an envoy "for the Global Coalition" who co-chaired as a chair', () => {
    const m = main('The Nigerian Foreign Minister and the U.S. Envoy for the Global Coalition co-chaired a meeting of the Africa Focus Group in Abuja on Monday.');
    expect(m.chairs).toEqual(['Nigeria', 'United States']);
  });

  it('reads the holder of "under the Chadian presidency"', () => {
    const m = main("Ministers of the G5 Sahel met in N'Djamena on Monday under the Chadian presidency of the organisation.");
    expect([m.chairs, m.city, m.country]).toEqual([['Chad'], "N'Djamena", 'Chad']);
  });

  it('reads the subject of an object relative clause ("which Morocco co-chairs with X")', () => {
    const m = main('The meeting was held by the Africa Focus Group, which Morocco co-chairs with Niger and Italy.');
    expect(m.chairs).toEqual(['Morocco', 'Niger', 'Italy']);
  });

  it('reads an office before the names inside its title (Spain\'s "Foreign Affairs, European Union and Cooperation")', () => {
    const m = main('The Minister for Foreign Affairs, European Union and Cooperation co-chaired in Madrid on Monday a meeting of the Small Group.');
    expect(m.chairs).toEqual(['Spain']);
  });

  it('reads a partner named "alongside" at the end of a long meeting name and date', () => {
    const m = main('Niger co-chaired, on 14 and 15 May, a meeting of the Africa Focus Group of the Global Coalition to Defeat ISIS, alongside Morocco and Italy.');
    expect(m.chairs).toEqual(['Niger', 'Morocco', 'Italy']);
    const n = main('Niger hosted the Africa Focus Group on Tuesday, which delegates attended alongside observers from Chad.');
    expect(n.chairs).toEqual(['Niger']);
  });

  it('does not take a delegation leader for a chair', () => {
    const m = main('A Moroccan delegation led by the Director of Global Issues took part in the meeting of the Africa Focus Group in Niamey.');
    expect(m.chairs).toEqual([]);
  });

  it('reads chairs of "the meetings, which were co-chaired by" the sentence after the body is named', () => {
    const m = main('Bahrain hosted the meetings of the Counter ISIS Finance Group in Manama on Tuesday. The minister opened the meetings, which were co-chaired by Saudi Arabia, Italy and the United States.');
    expect(m.chairs).toEqual(['Bahrain', 'Saudi Arabia', 'Italy', 'United States']);
  });

  it('reads "Kenya hosted, alongside the group\'s co-chairs X and Y" after the meeting was named', () => {
    const m = main('The AFG met in Nairobi on Tuesday. Kenya hosted, alongside the group\'s standing co-chairs Italy, Morocco and the U.S. Some 60 partners attended.');
    expect(m.chairs).toEqual(['Kenya', 'Italy', 'Morocco', 'United States']);
  });

  it('does not take participants of a convened meeting for chairs', () => {
    const m = main('Nigeria and the United States convened a meeting of the Global Coalition with Chad, Niger and Cameroon on Tuesday.');
    expect(m.chairs).toEqual(['Nigeria', 'United States']);
  });

  it('reads who received the delegations as the host, and co-chairs listed after a comma', () => {
    const m = main("The Africa Focus Group met in Nouakchott on Tuesday, where Mauritania received some fifty delegations together with the group's co-chairs, Italy, Morocco and the United States.");
    expect(m.chairs).toEqual(['Mauritania', 'Italy', 'Morocco', 'United States']);
    const n = main('The Africa Focus Group met in Nouakchott on Tuesday. Ministers welcomed the progress made.');
    expect(n.chairs).toEqual([]);
  });

  it('does not make a body the chair of its own meeting', () => {
    const m = main('The ECOWAS summit in Abuja had been convened by the chairman of the ECOWAS Authority, Nigerian President Bola Tinubu.');
    expect(m.chairs).toEqual(['Nigeria']);
  });
});
