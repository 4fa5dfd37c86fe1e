// tests/ics/icaljs-update.mjs -- each event of the .ics files given, as
// Mozilla's ical.js (the parser of Thunderbird) reads it, for
// tests/ics/update.py merge: "FILE<TAB>UID<TAB>SEQUENCE<TAB>STATUS<TAB>
// DATE<TAB>SUMMARY", FILE counting from 1 in the order given.
// Usage: node icaljs-update.mjs PATH/TO/ical.js/dist/ical.js OLD.ics NEW.ics
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [, , module, ...files] = process.argv;
const ICAL = (await import(pathToFileURL(module).href)).default;
files.forEach((file, i) => {
	const cal = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')));
	for (const vevent of cal.getAllSubcomponents('vevent')) {
		const ev = new ICAL.Event(vevent);
		const status = vevent.getFirstPropertyValue('status') || '';
		console.log([i + 1, ev.uid, ev.sequence, status,
			     ev.startDate.toString(), ev.summary].join('\t'));
	}
});
