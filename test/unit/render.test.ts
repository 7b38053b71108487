/**
 * The HTML export's assembly: the model inlined as inert JSON, the bundle inlined under a CSP that
 * names exactly its hashes, and nothing loaded from anywhere. (test/e2e opens the result in Chromium.)
 */
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { analyzePlans, buildRoadmap, htmlPage, inlineJson, joinRoadmap, POSTER_ROWS, roadmapOutline, roadmapPoster, type RoadmapDetails, type RoadmapOutline, type RoadmapPoster } from '../../src/core';
import { roadmapHtml } from '../../src/cli/render';

const model = buildRoadmap(
  analyzePlans([
    {
      path: 'x.plan.yaml',
      text: ['program:', '  id: p', '  name: "</script><script>alert(1)</script><!-- \u2028"', '  projects:', '    - { id: a, name: "A & B", start: 2026-01-01, end: 2026-01-31 }', ''].join('\n'),
    },
  ]),
);
const assets = { script: 'document.title = "ok";\n//# sourceMappingURL=webview.js.map', style: 'body{color:red}\n/*# sourceMappingURL=webview.css.map */' };
const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('HTML export', () => {
  it('inlines JSON that no HTML parser can end early', () => {
    const text = inlineJson({ name: '</script><!-- & \u2028\u2029 >' });
    assert.ok(!/[<>&\u2028\u2029]/.test(text), text);
    assert.deepEqual(JSON.parse(text), { name: '</script><!-- & \u2028\u2029 >' });
  });

  it('embeds the model in two parts before the script: the outline as JSON, the details gzipped in base64', () => {
    const html = roadmapHtml(model, assets);
    const blocks = [...html.matchAll(/<script( type="[^"]+" id="[^"]+")?>([^<]*)<\/script>/g)].map((m) => [m[1] ?? '', m[2]]);
    assert.deepEqual(blocks.map(([attributes]) => attributes), [' type="application/json" id="roadmap-outline"', ' type="application/gzip" id="roadmap-details"', '']);
    const outline = JSON.parse(blocks[0][1]) as RoadmapOutline;
    assert.deepEqual(outline, roadmapOutline(model));
    assert.match(blocks[1][1], /^[A-Za-z0-9+/]+={0,2}$/);
    const details = JSON.parse(gunzipSync(Buffer.from(blocks[1][1], 'base64')).toString('utf8')) as RoadmapDetails;
    assert.equal(JSON.stringify(joinRoadmap(outline, details)), JSON.stringify(model));
  });

  it('adds a poster, the first screen cut from the outline, for a plan of more rows than a screen holds', () => {
    const projects = Array.from({ length: POSTER_ROWS }, (_, i) => `    - { id: p${i}, name: P${i}, start: 2026-01-05, duration: 3d }`);
    const big = buildRoadmap(analyzePlans([{ path: 'big.plan.yaml', text: ['program:', '  id: g', '  name: G', '  projects:', ...projects, ''].join('\n') }]));
    const html = roadmapHtml(big, assets);
    const blocks = [...html.matchAll(/<script( type="[^"]+" id="[^"]+")?>([^<]*)<\/script>/g)].map((m) => [m[1] ?? '', m[2]]);
    assert.deepEqual(blocks.map(([attributes]) => attributes), [' type="application/json" id="roadmap-poster"', ' type="application/json" id="roadmap-outline"', ' type="application/gzip" id="roadmap-details"', '']);
    assert.deepEqual(JSON.parse(blocks[0][1]), roadmapPoster(roadmapOutline(big)));
    assert.equal((JSON.parse(blocks[0][1]) as RoadmapPoster).outline.bars.id.length, POSTER_ROWS - 1);
    // One row fewer (the lane's and 79 projects' rows): the outline is drawn first, without a poster.
    const fits = buildRoadmap(analyzePlans([{ path: 'big.plan.yaml', text: ['program:', '  id: g', '  name: G', '  projects:', ...projects.slice(1), ''].join('\n') }]));
    assert.ok(!roadmapHtml(fits, assets).includes('roadmap-poster'));
  });

  it('embeds the script and the style, allowed by hash and nothing else', () => {
    const html = roadmapHtml(model, assets);
    // Exactly one executable script and one style, without their source map comments.
    assert.deepEqual([...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]), ['document.title = "ok";']);
    assert.deepEqual([...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]), ['body{color:red}']);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.equal(csp, `default-src 'none'; script-src ${sha('document.title = "ok";')}; style-src ${sha('body{color:red}')}; img-src 'none'; base-uri 'none'; form-action 'none'`);
    assert.ok(!/\s(src|href|srcset|action)=/i.test(html), 'nothing is loaded');
    assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<style>'), 'the policy comes before anything it governs');
  });

  it('escapes the title', () => {
    const html = roadmapHtml(model, assets);
    const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
    assert.ok(title.startsWith('&#60;/script&#62;&#60;script&#62;alert(1)'), title);
  });

  it('writes data blocks before the scripts, and only base64 of a type that never runs', () => {
    const page = (base64: string, type = 'application/gzip') =>
      htmlPage({ title: 't', csp: {}, body: '', data: [{ id: 'first', value: 1 }, { id: 'last', type, base64 }], scripts: [{ text: 'run()' }] });
    const html = page('QUJD');
    assert.ok(html.indexOf('id="first"') < html.indexOf('<script type="application/gzip" id="last">QUJD</script>') && html.indexOf('id="last"') < html.indexOf('<script>run()'));
    assert.throws(() => page('</script><script>alert(1)//'), /must be base64/);
    for (const type of ['text/javascript', 'application/javascript', 'application/x-ecmascript', 'module', 'application/json" onload="x']) {
      assert.throws(() => page('QUJD', type), /cannot have the type/, type);
    }
  });

  it('refuses a bundle that would end its own script element', () => {
    assert.throws(() => roadmapHtml(model, { script: 'x = "</script>"', style: '' }), /cannot be inlined/);
    assert.throws(() => roadmapHtml(model, { script: '', style: 'a{}</style>' }), /cannot be inlined/);
  });
});
