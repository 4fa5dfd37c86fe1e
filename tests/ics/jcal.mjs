// tests/ics/jcal.mjs -- treatyterm's jCal against ical.js's own reading
// of the same calendar as iCalendar (ICAL.parse gives jCal, RFC 7265).
// They must be equal, except that ical.js types the properties it does
// not know (RFC 7986's and X- ones) as "unknown" with the value as
// written: there the value, unescaped, must be ours.  Prints each
// difference; exits 1 if there is one.
// Usage: node jcal.mjs PATH/TO/ical.js/dist/ical.js FILE.ics FILE.jcal
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [, , module, ics, jcal] = process.argv;
const ICAL = (await import(pathToFileURL(module).href)).default;
const want = ICAL.parse(readFileSync(ics, 'utf8'));
const got = JSON.parse(readFileSync(jcal, 'utf8'));
let bad = 0;

const unescape = (s) => s.replace(/\\([\\;,nN])/g,
	(_, c) => (c === 'n' || c === 'N' ? '\n' : c));

function property(w, g, path) {
	if (w[2] === 'unknown' && g.length === 4 && w[0] === g[0] &&
	    JSON.stringify(w[1]) === JSON.stringify(g[1]) &&
	    unescape(w[3]) === g[3])
		return;
	if (JSON.stringify(w) !== JSON.stringify(g)) {
		console.log(`${path}: ical.js ${JSON.stringify(w)}, ` +
			    `treatyterm ${JSON.stringify(g)}`);
		bad++;
	}
}

function component(w, g, path) {
	if (!Array.isArray(g) || g.length !== 3 || w[0] !== g[0] ||
	    w[1].length !== g[1].length || w[2].length !== g[2].length) {
		console.log(`${path}: ical.js ${JSON.stringify(w).slice(0, 200)}, ` +
			    `treatyterm ${JSON.stringify(g).slice(0, 200)}`);
		bad++;
		return;
	}
	w[1].forEach((p, i) => property(p, g[1][i], `${path}/${w[0]}/${p[0]}`));
	w[2].forEach((c, i) => component(c, g[2][i], `${path}/${w[0]}[${i}]`));
}

component(want, got, '');
process.exit(bad ? 1 : 0);
