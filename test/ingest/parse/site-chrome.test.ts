// News pages in full site chrome, in our own words: what extractArticle keeps of the article
// (headline deck, key points, captions) and what it leaves out (consent boxes, sign-up boxes,
// "More …" lists, bylines, photo credits), and which date it gives the page.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/ingest/parse/index.js';

const URL_ = 'https://site.example.org/news/story';

/** A page titled by its headline, as sites do, between a masthead and a footer row. */
function page(head: string, body: string): string {
  const h1 = /<h1>(.*?)<\/h1>/.exec(body)?.[1] ?? 'Story';
  return `<!doctype html><html><head><meta charset="utf-8"><title>${h1} | The Harbour Gazette</title>${head}</head><body>
<div class="masthead"><a href="/">The Harbour Gazette</a> <a href="/world">World</a> <a href="/region">Region</a></div>
${body}
<div class="site-footer-links"><a href="/about">About</a> <a href="/terms">Terms</a></div>
</body></html>`;
}

// Four body paragraphs, long enough for Readability to take their container as the article.
const BODY = [
  'Officials from some thirty partner countries spent the day on the detention sites in the north-east, where thousands of suspected fighters and their families are still held in crowded camps.',
  'Several delegations said they had taken back their own nationals in the past year and urged the others to follow, while two countries said their courts were slowing the returns.',
  'The guards of the camps have warned for months that they cannot hold them without more money, and the partners agreed to look at a shared fund before the end of the year.',
  'The group meets two or three times a year, and its next session is to take place in the spring.',
];
const bodyHtml = (cls = 'article-body') => `<div class="${cls}">${BODY.map((p) => `<p>${p}</p>`).join('\n')}</div>`;

describe('the article lead Readability drops', () => {
  it('puts the deck of the article header back in front of the body, without the byline', () => {
    const html = page(
      '',
      `<main><article><header><h1>Partner group meets in Aarhus over the camps</h1>
<p class="standfirst">Senior officials of the partner group gathered on 4 June under Danish and Canadian chairmanship</p>
<p class="dek-meta">By Ole Lund · <time datetime="2025-06-05T08:00:00Z">5 June 2025</time></p></header>
${bodyHtml()}</article></main>`,
    );
    const a = extractArticle(html, URL_);
    const paras = a.text.split('\n\n');
    expect(paras[0]).toBe('Senior officials of the partner group gathered on 4 June under Danish and Canadian chairmanship');
    expect(paras.slice(1)).toEqual(BODY);
    expect(a.text).not.toMatch(/Ole Lund|5 June 2025/);
    expect(a.published).toBe('2025-06-05T08:00:00.000Z');
  });

  it('puts back a "Key points" box that sits between the headline and a live blog', () => {
    const html = page(
      '',
      `<main><h1>LIVE: Ministers meet in Valletta</h1>
<p class="updated">Last updated 3 May 2025, 17:40 CEST</p>
<div class="key-points"><h2>Key points</h2><ul><li>Ministers of the partner group meet in Valletta today, hosted by Malta and co-chaired with Canada</li><li>Migration and the camps top the agenda</li></ul></div>
${bodyHtml('liveblog')}</main>`,
    );
    const a = extractArticle(html, URL_);
    expect(a.text).toMatch(/^Key points\n\nMinisters of the partner group meet in Valletta today, hosted by Malta and co-chaired with Canada\n\nMigration and the camps top the agenda\n\nOfficials from some thirty/);
    expect(a.text).not.toContain('Last updated');
    expect(a.text.split('\n\n').slice(-4)).toEqual(BODY);
  });

  it('brings back no chrome from between the headline and the body: share bars, bylines, link rows', () => {
    const html = page(
      '',
      `<main><h1>Partner group meets in Aarhus</h1>
<div class="meta">Interview by Ole Lund · 5 June 2025 · 6 min read</div>
<div class="tools"><a href="#">Print</a> <a href="#">Email</a> <a href="#">Save for later</a> <a href="#">Listen to this story</a></div>
<div class="shr"><span>Share</span> <a href="#">X</a> <a href="#">Facebook</a></div>
${bodyHtml()}</main>`,
    );
    expect(extractArticle(html, URL_).text.split('\n\n')).toEqual(BODY);
  });

  it('takes no lead from after a site logo set as <h1>', () => {
    const html = `<!doctype html><html><head><title>Partner group meets in Aarhus | The Harbour Gazette</title></head><body>
<div class="top"><h1 class="logo">The Harbour Gazette</h1></div>
<div class="strip-top">Print edition at half price this month: call our desk on 0800 123 456</div>
<div class="story"><h2>Partner group meets in Aarhus</h2>${bodyHtml()}</div></body></html>`;
    expect(extractArticle(html, URL_).text.split('\n\n')).toEqual(BODY);
  });

  it('uses the page description as the deck when nothing on the page carries it', () => {
    const head = '<meta property="og:description" content="Partner group officials gathered in Aarhus on 4 June to discuss the detention camps">';
    const a = extractArticle(page(head, `<article><h1>Partner group meets in Aarhus</h1>${bodyHtml()}</article>`), URL_);
    expect(a.text.split('\n\n')).toEqual(['Partner group officials gathered in Aarhus on 4 June to discuss the detention camps', ...BODY]);
  });

  it('leaves out a description the text already carries, or a site-wide blurb unrelated to the story', () => {
    for (const description of [`${BODY[0]!.slice(0, 90)}…`, 'Breaking news, sport, weather and listings from the coast and beyond, every hour']) {
      const head = `<meta name="description" content="${description}">`;
      const a = extractArticle(page(head, `<article><h1>Partner group meets in Aarhus</h1>${bodyHtml()}</article>`), URL_);
      expect(a.text.split('\n\n')).toEqual(BODY);
    }
  });
});

describe('the page date', () => {
  it('never takes the date of a consent box, even one named only "cmp": the <time> after the headline wins', () => {
    const html = page(
      '',
      `<div id="cmp-box" class="cmp"><h2>Your privacy</h2><p>We and our partners store information on your device. Notice last updated <time datetime="2025-04-01">1 April 2025</time>.</p><button>Accept all</button> <button>Reject</button></div>
<div class="wrap"><div class="col-8"><h1>Partner group meets in Aarhus</h1>
<div class="art-meta">By Ole Lund · <time datetime="2025-05-21T10:15:00+02:00">21 May 2025</time></div>
${bodyHtml('art-body')}</div></div>`,
    );
    const a = extractArticle(html, URL_);
    expect(a.published).toBe('2025-05-21T08:15:00.000Z');
    expect(a.publishedFrom).toBe('time');
    expect(a.text).not.toMatch(/privacy|partners store|Ole Lund/);
  });

  it('skips the consent managers by name (OneTrust, Didomi, Usercentrics) and the dates in a newsletter box', () => {
    for (const name of ['onetrust-banner-sdk', 'didomi-host', 'usercentrics-root']) {
      const html = page(
        '',
        `<div id="${name}"><p>Notice of <time datetime="2025-02-02">2 February 2025</time></p></div>
<div class="box-inline"><h4>The Gazette Letter</h4><p>Next issue on <time datetime="2025-06-30">30 June</time>.</p><input type="email"> <button>Sign up</button></div>
<div class="page"><h1>Partner group meets in Aarhus</h1>${bodyHtml()}<p>Filed <time datetime="2025-06-05T07:00:00Z">5 June</time></p></div>`,
      );
      expect(extractArticle(html, URL_).published).toBe('2025-06-05T07:00:00.000Z');
    }
  });

  it('prefers the page metadata to any <time>', () => {
    const head = '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-06-06T06:00:00Z"}</script>';
    const html = page(head, `<article><h1>Partner group meets in Aarhus</h1><p>By Ole Lund · <time datetime="2025-06-09">9 June</time></p>${bodyHtml()}</article>`);
    const a = extractArticle(html, URL_);
    expect(a.published).toBe('2025-06-06T06:00:00.000Z');
    expect(a.publishedFrom).toBe('metadata');
  });
});

describe('chrome judged by content', () => {
  it('drops a sign-up box inside the body, whatever its name, with its dates', () => {
    const html = page(
      '',
      `<article><h1>Partner group meets in Aarhus</h1><div class="art-body"><p>${BODY[0]}</p><p>${BODY[1]}</p>
<div class="box-inline"><h4>THE HARBOUR LETTER</h4><p>Every Monday: the week's news from the port. Next issue Monday 26 May; our special edition follows on 1 July.</p><input type="email" placeholder="Email address"> <button>Sign up</button></div>
<p>${BODY[2]}</p><p>${BODY[3]}</p></div></article>`,
    );
    expect(extractArticle(html, URL_).text.split('\n\n')).toEqual(BODY);
  });

  it('drops teaser lists headed "More …", "Related", "In pictures", and one-line "Lire aussi"/"READ MORE" links', () => {
    const html = page(
      '',
      `<div class="gallery-page"><h1>Ministers meet in Accra</h1><div class="txt"><p>${BODY[0]}</p>
<p class="lire-aussi"><strong>Lire aussi :</strong> <a href="/a">Le sommet régional prévu le 28 mars à Lomé</a></p>
<p>${BODY[1]}</p><div class="embed-link"><strong>READ MORE:</strong> <a href="/b">Finance experts meet in Nairobi, 12 March</a></div>
<p>${BODY[2]}</p><p>${BODY[3]}</p></div>
<div class="more-galleries"><h2>More galleries</h2><ul><li><a href="/g/1">In pictures: regional summit in Abuja</a></li><li><a href="/g/2">In pictures: harbour festival</a></li></ul></div>
<div class="col-x"><h3>In pictures</h3><ul><li><a href="/g/3">Ministers tour the new port</a></li></ul></div></div>`,
    );
    const text = extractArticle(html, URL_).text;
    expect(text.split('\n\n')).toEqual(BODY);
  });

  it('drops bylines and author boxes, and the section label above the headline', () => {
    const html = page(
      '',
      `<main id="content"><div class="section-label">Interview</div><h1>'Clinics first': an envoy on the Aarhus talks</h1>
<div class="meta">Interview by Ole Lund · 22 November 2025 · 6 min read</div>
<div class="interview">${BODY.map((p) => `<p>${p}</p>`).join('')}<p>Posted on 04/02/2025 by Newsdesk</p></div>
<div class="writer-box"><p>By Ole Lund, Nordic correspondent</p></div>
<div class="author-box"><p>Ole Lund covers diplomacy for The Harbour Gazette. He was previously based in Oslo.</p></div></main>`,
    );
    expect(extractArticle(html, URL_).text.split('\n\n')).toEqual(BODY);
  });

  it('keeps captions but drops their slide counters and photo credits, and a lone "© AFP"', () => {
    const html = page(
      '',
      `<article><h1>In pictures: Ministers meet in Accra</h1><p>${BODY[0]}</p><p>${BODY[1]}</p>
<figure><img src="/1.jpg" alt=""><figcaption><span class="count">1/6</span> Ghana, which hosted the meeting, welcomes delegations on Monday 14 July 2025. <span class="credit">Photo: Ama Boateng / The Harbour Gazette</span></figcaption></figure>
<figure><img src="/2.jpg" alt=""><figcaption>2/6 Ministers sign the final communiqué on Tuesday 15 July. Photo: Ama Boateng / The Harbour Gazette</figcaption></figure>
<p>${BODY[2]}</p><p>${BODY[3]}</p><p class="copyright">© AFP</p></article>`,
    );
    const text = extractArticle(html, URL_).text;
    expect(text).toContain('Ghana, which hosted the meeting, welcomes delegations on Monday 14 July 2025.');
    expect(text).toContain('Ministers sign the final communiqué on Tuesday 15 July.');
    expect(text).not.toMatch(/\d\/6|Photo:|Ama Boateng|©/);
  });

  it('keeps story text that only looks like chrome: "More than …", "By Tuesday …", a "More money" section, "Hosted by …" points', () => {
    const story = [
      'More than eighty members sent delegations, the largest turnout since the group was set up, and several of them were represented by their ministers.',
      'By Tuesday evening, ministers had agreed on a text that commits them to new funds for the towns retaken from the armed groups.',
      'More money for stabilisation',
      'The pledges add up to some 60 million dollars, most of it for water, power and schools in the districts along the river.',
      'Hosted by Nigeria',
      'Co-chaired by Italy and Morocco',
      'Related talks on the financing of the armed groups are to follow in Rome later this year, officials said on the sidelines.',
      'By Hamid Musa, Lagos Times · 3 June 2025 is how the regional paper signed the first report of the meeting, which it called historic.',
    ];
    const html = page(
      '',
      `<article><h1>Partner group meets in Aarhus</h1><p>${story[0]}</p><p>${story[1]}</p><h2>${story[2]}</h2><p>${story[3]}</p>
<ul><li>${story[4]}</li><li>${story[5]}</li></ul><p>${story[6]}</p><p>${story[7]}</p></article>`,
    );
    expect(extractArticle(html, URL_).text.split('\n\n')).toEqual(story);
  });
});
