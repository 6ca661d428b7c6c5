/** Fixture news texts, written for these tests. */

export const ROME_WIRE = {
  title: 'Coalition ministers meet in Rome on stabilisation funding',
  outlet: 'Tiber Wire',
  published: '2033-06-13',
  url: 'https://tiberwire.example/world/coalition-rome?utm_source=rss',
  text: `ROME, June 12 (Tiber Wire) - Foreign ministers of the Global Coalition to Defeat ISIS met in Rome on 12 June 2033, co-chaired by Italy and the United States, to review funding for stabilisation in areas freed from the group.

Ministers pledged new money for clearing explosives in towns along the Euphrates and for restoring water and power to returning families. Several delegations pressed for faster repatriation of foreign fighters held in camps in the north-east of Syria.

The meeting closed with a joint statement that welcomed two new members and committed the coalition to another review before the end of the year. Officials said the next gathering of the group would be hosted by a Gulf state.`,
};

/** The same wire story as syndicated by another site: new headline, a byline, a sentence cut, a footer. */
export const ROME_SYNDICATED = {
  title: 'Anti-ISIS coalition pledges stabilisation money at Rome talks',
  outlet: 'Harbour Daily',
  published: '2033-06-13',
  url: 'https://harbourdaily.example/news/2033/06/13/coalition-rome-talks',
  text: `By staff and wire reports

ROME, June 12 (Tiber Wire) - Foreign ministers of the Global Coalition to Defeat ISIS met in Rome on 12 June 2033, co-chaired by Italy and the United States, to review funding for stabilisation in areas freed from the group.

Ministers pledged new money for clearing explosives in towns along the Euphrates and for restoring water and power to returning families. Several delegations pressed for faster repatriation of foreign fighters held in camps in the north-east of Syria.

The meeting closed with a joint statement that welcomed two new members and committed the coalition to another review before the end of the year.

Copyright Harbour Daily. All rights reserved.`,
};

/** An independent report of the same meeting, in different words. */
export const ROME_OWN_REPORT = {
  title: 'Italy and US co-host coalition ministerial in Rome',
  outlet: 'Capital Observer',
  published: '2033-06-14',
  url: 'https://capitalobserver.example/2033/coalition-ministerial',
  text: `Ministers of the Global Coalition to Defeat ISIS held talks in Rome on 12 June 2033 on the future of the campaign, with Italy and the United States as co-chairs.

Our correspondent reports that the discussion centred on demining, on electricity for towns in the Euphrates valley and on the camps where thousands of suspected fighters and their relatives are still held.

Two countries were admitted as members, bringing the total above eighty. A diplomat from a European delegation described the mood as practical rather than celebratory.`,
};

/** The same coalition a month later, somewhere else: a different meeting. */
export const RIYADH_LATER = {
  title: 'Coalition officials gather in Riyadh',
  outlet: 'Gulf Ledger',
  published: '2033-07-16',
  url: 'https://gulfledger.example/coalition-riyadh',
  text: `RIYADH, July 15 - Senior officials of the Global Coalition to Defeat ISIS met in Riyadh on 15 July 2033, hosted by Saudi Arabia, to follow up on commitments made in Rome last month.

The officials reviewed how much of the money promised for demining had been paid and discussed new threats from affiliates of the group in Africa. Saudi officials announced support for a training centre for prosecutors.

The officials also prepared for a meeting of the Counter ISIS Finance Group to be held in Madrid on 20 September 2033.`,
};
