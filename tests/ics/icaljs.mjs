// tests/ics/icaljs.mjs -- the events of an .ics file as Mozilla's ical.js
// (the parser of Thunderbird) reads them: "start<TAB>end<TAB>summary".
// Usage: node icaljs.mjs PATH/TO/ical.js/dist/ical.js FILE.ics
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [, , module, file] = process.argv;
const ICAL = (await import(pathToFileURL(module).href)).default;
const cal = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')));
for (const vevent of cal.getAllSubcomponents('vevent')) {
	const ev = new ICAL.Event(vevent);
	if (!ev.startDate.isDate || !ev.endDate.isDate) {
		console.log(`not an all-day event: ${ev.summary}`);
		continue;
	}
	console.log([ev.startDate.toString(), ev.endDate.toString(),
		     ev.summary].join('\t'));
}
