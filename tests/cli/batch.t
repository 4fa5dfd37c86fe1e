# treatyterm batch: one treaty a CSV row, output streamed.
$ printf 'id,name,entry_into_force,term,consultation.first,consultation.every\nlitvinov,"Litvinov, 1946",1947-09-15,50y,25y,5y\necsc,ECSC,1952-07-23,50y,,\n' > two.csv; treatyterm batch two.csv | python3 -c 'import json,sys; [print(o["treaty"]["id"], o["expiry"], len(o["milestones"])) for o in map(json.loads, sys.stdin)]'
litvinov 1997-09-15 7
ecsc 2002-07-23 2

# Each JSON line is the object "schedule --format json" writes.
$ printf 'id,name,entry_into_force,term\necsc-1951,ECSC Treaty,1952-07-23,50y\n' > one.csv; treatyterm batch one.csv | python3 -m json.tool > a.json; treatyterm schedule --preset ecsc-1951 -f json | python3 -m json.tool > b.json; cmp a.json b.json && echo same
same

$ treatyterm batch two.csv --format csv | tr -d '\r'
treaty_id,date,weekday,kind,label,nominal_date,basis
litvinov,1947-09-15,Monday,entry_into_force,Entry into force,,"entry into force as given in the spec (a date given, not computed)"
litvinov,1972-09-15,Friday,consultation,Consultation 1,,entry into force 1947-09-15 + 25 years (same date; Reg. 1182/71 art. 3(2)(c) / ETS 076 art. 4(1))
litvinov,1977-09-15,Thursday,consultation,Consultation 2,,entry into force 1947-09-15 + 30 years (same date; Reg. 1182/71 art. 3(2)(c) / ETS 076 art. 4(1))
litvinov,1982-09-15,Wednesday,consultation,Consultation 3,,entry into force 1947-09-15 + 35 years (same date; Reg. 1182/71 art. 3(2)(c) / ETS 076 art. 4(1))
litvinov,1987-09-15,Tuesday,consultation,Consultation 4,,entry into force 1947-09-15 + 40 years (same date; Reg. 1182/71 art. 3(2)(c) / ETS 076 art. 4(1))
litvinov,1992-09-15,Tuesday,consultation,Consultation 5,,entry into force 1947-09-15 + 45 years (same date; Reg. 1182/71 art. 3(2)(c) / ETS 076 art. 4(1))
litvinov,1997-09-15,Monday,expiry,Expiry (last day in force),,entry into force 1947-09-15 + 50 years (same date; Reg. 1182/71 art. 3(2)(c) / ETS 076 art. 4(1); expiry is not moved for weekends or holidays)
ecsc,1952-07-23,Wednesday,entry_into_force,Entry into force,,"entry into force as given in the spec (a date given, not computed)"
ecsc,2002-07-23,Tuesday,expiry,Expiry (last day in force),,entry into force 1952-07-23 + 50 years (same date; Reg. 1182/71 art. 3(2)(c) / ETS 076 art. 4(1); expiry is not moved for weekends or holidays)

# Clause flags apply to every row.
$ treatyterm batch two.csv --format csv --entry-into-force 2000-02-29 | tr -d '\r' | cut -d, -f1-4
treaty_id,date,weekday,kind
litvinov,2000-02-29,Tuesday,entry_into_force
litvinov,2025-02-28,Friday,consultation
litvinov,2030-02-28,Thursday,consultation
litvinov,2035-02-28,Wednesday,consultation
litvinov,2040-02-29,Wednesday,consultation
litvinov,2045-02-28,Tuesday,consultation
litvinov,2050-02-28,Monday,expiry
ecsc,2000-02-29,Tuesday,entry_into_force
ecsc,2050-02-28,Monday,expiry

# Empty cells are not set; CRLF line ends, a BOM and quoted line breaks work.
$ printf '\357\273\277id,entry_into_force,term,withdrawal.opens,withdrawal.notice\r\nnato,1949-08-24,,20y,1y\r\nx,2000-01-01,5y,,\r\n' > crlf.csv; treatyterm batch crlf.csv -f csv | tr -d '\r' | cut -d, -f1-4
treaty_id,date,weekday,kind
nato,1949-08-24,Wednesday,entry_into_force
nato,1969-08-24,Sunday,withdrawal_notice_opens
nato,1970-08-24,Monday,withdrawal_effective
x,2000-01-01,Saturday,entry_into_force
x,2005-01-01,Saturday,expiry

$ printf 'id,name,entry_into_force\nq,"two\nlines, quoted",2000-01-01\n' > nl.csv; treatyterm batch nl.csv | python3 -c 'import json,sys; print(repr(json.loads(sys.stdin.readline())["treaty"]["name"]))'
'two\nlines, quoted'

# A row without an id is known by its name, as "schedule" knows a spec
# without one: its calendar events get the UIDs "schedule" gives them, and
# inserting a row before it changes nothing.  A row with neither is bad.
$ printf 'name,entry_into_force,term\nTreaty of Rome,2000-01-01,1y\n' > noid.csv; treatyterm batch noid.csv -f csv | tr -d '\r' | cut -d, -f1-4
treaty_id,date,weekday,kind
,2000-01-01,Saturday,entry_into_force
,2001-01-01,Monday,expiry

$ printf 'name,entry_into_force,term\nTreaty of Rome,2000-01-01,1y\n' > a.csv; printf 'name,entry_into_force,term\nInserted,1990-01-01,5y\nTreaty of Rome,2000-01-01,1y\n' > b.csv; SOURCE_DATE_EPOCH=0 treatyterm batch a.csv -f ics | grep '^UID' > a.uid; SOURCE_DATE_EPOCH=0 treatyterm batch b.csv -f ics | grep '^UID' > b.uid; SOURCE_DATE_EPOCH=0 treatyterm schedule --name 'Treaty of Rome' --entry-into-force 2000-01-01 --term 1y -f ics | grep '^UID' > s.uid; wc -l < a.uid; cmp a.uid s.uid && tail -n 2 b.uid | cmp - a.uid && echo same UIDs
2
same UIDs

$ printf 'id,name,entry_into_force\n,,2000-01-01\nx,,2000-01-01\n' > noid.csv; treatyterm batch noid.csv -f csv | tr -d '\r' | cut -d, -f1-4
treaty_id,date,weekday,kind
x,2000-01-01,Saturday,entry_into_force
2> treatyterm: noid.csv:2: no id or name: give the row an id (its calendar events are known by it)
2> treatyterm: noid.csv: 1 of 2 rows skipped

# A treaty given twice is a bad row: two rows with one id (or, without
# ids, one name) would give two treaties' events the same UIDs.
$ printf 'id,name,entry_into_force\na,A,2000-01-01\nb,B,2001-01-01\na,Other,2002-01-01\n,B,2003-01-01\n,C,2004-01-01\n,C,2005-01-01\nC,,2006-01-01\n' > dup.csv; treatyterm batch dup.csv -f csv | tr -d '\r' | cut -d, -f1-4
treaty_id,date,weekday,kind
a,2000-01-01,Saturday,entry_into_force
b,2001-01-01,Monday,entry_into_force
,2003-01-01,Wednesday,entry_into_force
,2004-01-01,Thursday,entry_into_force
2> treatyterm: dup.csv:4: id: 'a' was already used on line 2
2> treatyterm: dup.csv:7: name: 'C' was already used on line 6 (a row without an id is known by its name: give it an id)
2> treatyterm: dup.csv:8: id: 'C' was already used on line 6
2> treatyterm: dup.csv: 3 of 7 rows skipped

$ SOURCE_DATE_EPOCH=0 treatyterm batch dup.csv -f ics > dup.ics; echo "exit $?"; grep '^UID' dup.ics | sort | uniq -d | wc -l
exit 3
0
2> treatyterm: dup.csv:4: id: 'a' was already used on line 2
2> treatyterm: dup.csv:7: name: 'C' was already used on line 6 (a row without an id is known by its name: give it an id)
2> treatyterm: dup.csv:8: id: 'C' was already used on line 6
2> treatyterm: dup.csv: 3 of 7 rows skipped

# Bad rows are reported with their line and skipped; exit status 3.
$ printf 'id,entry_into_force,term,withdrawal.notice\na,1955-02-30,20y,\nb,1955-01-01,5y,6y\nc,1955-01-01,5y,\nd,1955-01-01\ne,,5y,\nf,1955-01-01,5x,\n' > bad.csv; treatyterm batch bad.csv -f csv > bad.out; echo "exit $?"; tr -d '\r' < bad.out | cut -d, -f1-4
exit 3
treaty_id,date,weekday,kind
c,1955-01-01,Saturday,entry_into_force
c,1960-01-01,Friday,expiry
2> treatyterm: bad.csv:2: entry_into_force: day 30 is out of range for February 1955 (1 to 28)
2> treatyterm: bad.csv:3: withdrawal.notice: the notice period is longer than the term
2> treatyterm: bad.csv:5: the row has 2 fields, the header 4
2> treatyterm: bad.csv:6: no entry into force: set [treaty] entry_into_force
2> treatyterm: bad.csv:7: term: unknown unit 'x' (expected y, m, w or d)
2> treatyterm: bad.csv: 5 of 6 rows skipped

$ treatyterm batch bad.csv --strict -f csv
treaty_id,date,weekday,kind,label,nominal_date,basis
2> treatyterm: bad.csv:2: entry_into_force: day 30 is out of range for February 1955 (1 to 28)
[exit 1]

$ treatyterm batch bad.csv -o out.jsonl; ls out.jsonl*; head -c 20 out.jsonl; echo
out.jsonl
{"treaty":{"id":"c",
2> treatyterm: bad.csv:2: entry_into_force: day 30 is out of range for February 1955 (1 to 28)
2> treatyterm: bad.csv:3: withdrawal.notice: the notice period is longer than the term
2> treatyterm: bad.csv:5: the row has 2 fields, the header 4
2> treatyterm: bad.csv:6: no entry into force: set [treaty] entry_into_force
2> treatyterm: bad.csv:7: term: unknown unit 'x' (expected y, m, w or d)
2> treatyterm: bad.csv: 5 of 6 rows skipped

$ echo precious > kept.csv; treatyterm batch bad.csv --strict -o kept.csv; cat kept.csv; ls kept.csv*
precious
kept.csv
2> treatyterm: bad.csv:2: entry_into_force: day 30 is out of range for February 1955 (1 to 28)

# Header errors stop the run.
$ printf 'id,colour\nx,red\n' > h.csv; treatyterm batch h.csv
2> treatyterm: h.csv:1: column 2: unknown column 'colour' (expected id, name, entry_into_force, term, convention, notice_given, horizon, from, ends, bilateral, hypothetical, article or url, or section.key with section consultation, review, conference, withdrawal, renewal, milestone, event, notice, entry_into_force or party)
[exit 1]

$ printf 'id,term,term\n' > h.csv; treatyterm batch h.csv
2> treatyterm: h.csv:1: column 3: 'term' appears twice
[exit 1]

$ printf 'id,treaty.term\n' > h.csv; treatyterm batch h.csv
2> treatyterm: h.csv:1: column 2: unknown column 'treaty.term' ([treaty] keys have no section: 'term')
[exit 1]

$ : > empty.csv; treatyterm batch empty.csv
2> treatyterm: empty.csv:1: no header row
[exit 1]

$ printf 'id,name\nx,"unterminated\n' > q.csv; treatyterm batch q.csv
2> treatyterm: q.csv:2: unterminated quoted field
2> treatyterm: q.csv: 1 of 1 rows skipped
[exit 3]

$ printf 'id,name\nx,a"b\n' > q.csv; treatyterm batch q.csv
2> treatyterm: q.csv:2: malformed quoting (a quote inside an unquoted field, or text after a closing quote)
2> treatyterm: q.csv: 1 of 1 rows skipped
[exit 3]

# A malformed record (a stray quote) is a bad row, reported at its own
# line; the rows after it are read as rows, not swallowed into a field.
$ printf 'id,name,entry_into_force\na,"A",2000-01-01\nb,"B,2001-01-01\nc,C,2002-01-01\nd,"D, quoted",2003-01-01\ne,E"e,2004-01-01\nf,"F\nspans lines",2005-01-01\n' > stray.csv; treatyterm batch stray.csv -f csv | tr -d '\r' | cut -d, -f1-2 | uniq
treaty_id,date
a,2000-01-01
c,2002-01-01
d,2003-01-01
f,2005-01-01
2> treatyterm: stray.csv:3: malformed quoting (a quote inside an unquoted field, or text after a closing quote)
2> treatyterm: stray.csv:6: malformed quoting (a quote inside an unquoted field, or text after a closing quote)
2> treatyterm: stray.csv: 2 of 6 rows skipped

$ printf 'id,name,entry_into_force\na,A,2000-01-01\nb,"B,2001-01-01\nc,C,2002-01-01\n' > stray.csv; treatyterm batch stray.csv -f csv | tr -d '\r' | cut -d, -f1-2 | uniq
treaty_id,date
a,2000-01-01
c,2002-01-01
2> treatyterm: stray.csv:3: unterminated quoted field
2> treatyterm: stray.csv: 1 of 3 rows skipped

# A calendar on standard output always ends complete: after --strict
# stopped at a bad row, and after an error that stops the run.
$ printf 'id,entry_into_force\na,2000-01-01\nb,2000-02-30\nc,2002-01-01\n' > s.csv; SOURCE_DATE_EPOCH=0 treatyterm batch -f ics --strict s.csv | tr -d '\r' | grep -E '^(BEGIN|END):V'
BEGIN:VCALENDAR
BEGIN:VEVENT
END:VEVENT
END:VCALENDAR
2> treatyterm: s.csv:3: entry_into_force: day 30 is out of range for February 2000 (1 to 29)

$ printf 'id,entry_into_force\na,2000-01-01\nb,2001\000-01-01\n' > s.csv; SOURCE_DATE_EPOCH=0 treatyterm batch -f ics s.csv | tr -d '\r' | grep -E '^(BEGIN|END):V'
BEGIN:VCALENDAR
BEGIN:VEVENT
END:VEVENT
END:VCALENDAR
2> treatyterm: s.csv:3: NUL byte in the file (is it a text file?)

# Spreadsheets write ';' or tabs: --delimiter, and a hint when the header
# seems to use another delimiter.
$ printf 'id;name;entry_into_force\nx;"a; b";2000-01-01\n' > semi.csv; treatyterm batch semi.csv
2> treatyterm: semi.csv:1: column 1: unknown column 'id;name;entry_into_force' (expected id, name, entry_into_force, term, convention, notice_given, horizon, from, ends, bilateral, hypothetical, article or url, or section.key with section consultation, review, conference, withdrawal, renewal, milestone, event, notice, entry_into_force or party)
2> treatyterm: hint: the header has ';': try --delimiter ';'
[exit 1]

$ treatyterm batch --delimiter ';' semi.csv -f csv | tr -d '\r'
treaty_id,date,weekday,kind,label,nominal_date,basis
x,2000-01-01,Saturday,entry_into_force,Entry into force,,"entry into force as given in the spec (a date given, not computed)"

$ printf 'id\tentry_into_force\nx\t2000-01-01\n' > tab.csv; treatyterm batch tab.csv 2>&1 | tail -n 1; treatyterm batch --delimiter tab tab.csv -f csv | tr -d '\r' | cut -d, -f1-2; treatyterm batch --delimiter '\t' tab.csv -f csv | tr -d '\r' | cut -d, -f1-2 | tail -n 1
treatyterm: hint: the header has a tab: try --delimiter tab
treaty_id,date
x,2000-01-01
x,2000-01-01

$ treatyterm batch --delimiter '"' tab.csv
2> treatyterm: batch: --delimiter: expected one character (not a quote or a line end) or 'tab', not '"'
2> Try 'treatyterm batch --help' for more information.
[exit 2]

$ treatyterm batch --delimiter ';;' tab.csv
2> treatyterm: batch: --delimiter: expected one character (not a quote or a line end) or 'tab', not ';;'
2> Try 'treatyterm batch --help' for more information.
[exit 2]

$ printf 'id\000,x\n' > nul.csv; treatyterm batch nul.csv
2> treatyterm: nul.csv:1: NUL byte in the file (is it a text file?)
[exit 1]

$ treatyterm batch missing.csv
2> treatyterm: missing.csv: No such file or directory
[exit 1]

$ treatyterm batch two.csv one.csv
2> treatyterm: batch: only one input FILE may be given
2> Try 'treatyterm batch --help' for more information.
[exit 2]

$ treatyterm batch two.csv --format table
2> treatyterm: batch: --format: expected 'jsonl', 'csv', 'ics' or 'jcal', not 'table'
2> Try 'treatyterm batch --help' for more information.
[exit 2]

$ treatyterm batch two.csv --term 5q
2> treatyterm: --term '5q': column 2: unknown unit 'q' (expected y, m, w or d)
[exit 1]

$ printf 'id,entry_into_force\na,2000-01-01\n' | treatyterm batch - -f csv | tr -d '\r' | cut -d, -f1-4
treaty_id,date,weekday,kind
a,2000-01-01,Saturday,entry_into_force

$ treatyterm batch two.csv > /dev/full
2> treatyterm: standard output: write error: No space left on device
[exit 1]

$ treatyterm batch -f ics two.csv > /dev/full
2> treatyterm: standard output: write error: No space left on device
[exit 1]

$ treatyterm batch -o - two.csv > /dev/full
2> treatyterm: standard output: write error: No space left on device
[exit 1]


# Every JSON line is valid JSON (a strict parser reads each one), on 300
# synthetic treaties (29 February and month-end entries into force, every
# clause).
$ /usr/bin/python3 "$top_srcdir/bench/gen-treaties.py" 300 7 > syn.csv; treatyterm batch syn.csv > syn.jsonl; /usr/bin/python3 -c 'import json; ls = open("syn.jsonl", encoding="utf-8").read().split("\n"); assert ls.pop() == ""; os = [json.loads(l) for l in ls]; assert all(set(o) >= {"treaty", "milestones", "expiry"} for o in os); print(len(os))'
300

# The calendar batch writes (with the one writer schedule and compare use)
# has one VEVENT per CSV row, which python3-icalendar reads back with the
# same treaty and date.
$ /usr/bin/python3 "$top_srcdir/bench/gen-treaties.py" 300 11 > s.csv; SOURCE_DATE_EPOCH=0 treatyterm batch -f ics s.csv > s.ics; treatyterm batch -f csv s.csv > s.out; grep -c '^BEGIN:VEVENT' s.ics; /usr/bin/python3 -c 'import csv, icalendar; rows = [(r["treaty_id"], r["date"]) for r in csv.DictReader(open("s.out", newline=""))]; evs = icalendar.Calendar.from_ical(open("s.ics", "rb").read()).walk("VEVENT"); print(len(rows), len(evs), rows == [(e["categories"].cats[1], e.decoded("dtstart").isoformat()) for e in evs])'
5057
5057 5057 True

# Rows are known by the line they start on: blank lines before a row, a
# last row without a line end, and a lone CR (data, not a line end).
$ printf 'id,entry_into_force\n\n\nb,x\n\n\n' > bl.csv; treatyterm batch bl.csv
2> treatyterm: bl.csv:4: entry_into_force: expected a date as YYYY-MM-DD
2> treatyterm: bl.csv: 1 of 1 rows skipped
[exit 3]

$ printf 'id,entry_into_force\nb,2000-01-99' > nonl.csv; treatyterm batch nonl.csv
2> treatyterm: nonl.csv:2: entry_into_force: day 99 is out of range for January 2000 (1 to 31)
2> treatyterm: nonl.csv: 1 of 1 rows skipped
[exit 3]

$ printf 'id,entry_into_force\r\n\r\n\na,2000-01-01\rb,2001-01-01\n\n\nc,2002-01-01' > cr.csv; treatyterm batch cr.csv -f csv | tr -d '\r' | cut -d, -f1-4
treaty_id,date,weekday,kind
c,2002-01-01,Tuesday,entry_into_force
2> treatyterm: cr.csv:4: the row has 3 fields, the header 2
2> treatyterm: cr.csv: 1 of 2 rows skipped


# A CR ending the last line, with no LF after it, ends the line.
$ printf 'id,entry_into_force\na,2000-01-01\r' > crend.csv; treatyterm batch crend.csv -f csv | tr -d '\r' | cut -d, -f1-4
treaty_id,date,weekday,kind
a,2000-01-01,Saturday,entry_into_force

# Progress goes to standard error only when that is a terminal the data
# does not go to, with the rows done and the share of the file read; a
# summary line is left at the end.  onterm.py runs the command with standard
# error (and with "both" standard output too) on a pseudo-terminal and
# prints the first progress line and the messages the terminal got.
<<< onterm.py
import os, pty, re, subprocess, sys, tty
m, s = pty.openpty()
tty.setraw(s)
p = subprocess.Popen(sys.argv[2:], stdin=subprocess.DEVNULL, stderr=s,
                     stdout=s if sys.argv[1] == "both" else subprocess.DEVNULL)
os.close(s)
got = bytearray()
while True:
    try:
        chunk = os.read(m, 65536)
    except OSError:
        break
    if not chunk:
        break
    got += chunk
p.wait()
progress = [t.strip() for t in re.split(r"[\r\n]", got.decode())
            if re.match(r"treatyterm: batch: \d+ rows", t)]
# How far the reader is ahead of the rows done depends on the threads:
# the share read is checked to be a share, not compared.
def share(m):
    return ", N% read" if 0 < int(m.group(1)) <= 100 else m.group(0)
progress = [re.sub(r", (\d+)% read", share, t) for t in progress]
print("progress:", progress[0] if progress else "none")
for t in re.split(r"[\r\n]", got.decode()):
    if t.startswith("treatyterm: ") and not t.startswith("treatyterm: batch: "):
        print(t)
print("exit", p.returncode)
>>>
$ /usr/bin/python3 "$top_srcdir/bench/gen-treaties.py" 5000 3 > big.csv; /usr/bin/python3 onterm.py err "$TREATYTERM" batch big.csv -o big.jsonl; wc -l < big.jsonl
progress: treatyterm: batch: 1024 rows, 0 skipped, N% read
treatyterm: big.csv: 5000 rows, none skipped
exit 0
5000

$ /usr/bin/python3 onterm.py both "$TREATYTERM" batch big.csv
progress: none
treatyterm: big.csv: 5000 rows, none skipped
exit 0

$ /usr/bin/python3 onterm.py err "$TREATYTERM" batch -q big.csv -o big.jsonl
progress: none
exit 0

$ printf 'bad\n' >> big.csv; /usr/bin/python3 onterm.py err "$TREATYTERM" batch big.csv -o big.jsonl; treatyterm batch big.csv > /dev/null
progress: treatyterm: batch: 1024 rows, 0 skipped, N% read
treatyterm: big.csv:5002: the row has 1 field, the header 16
treatyterm: big.csv: 1 of 5001 rows skipped
exit 3
2> treatyterm: big.csv:5002: the row has 1 field, the header 16
2> treatyterm: big.csv: 1 of 5001 rows skipped
[exit 3]

# The name of the -o file picks the format, as for the other commands.
$ treatyterm batch two.csv -o out.csv; head -n 1 out.csv | tr -d '\r'; treatyterm batch two.csv -o out.ics; grep -c BEGIN:VEVENT out.ics
treaty_id,date,weekday,kind,label,nominal_date,basis
9

# Text is escaped as JSON needs, and U+2028 and U+2029 too (JavaScript
# reads them as line ends): a name with a quote, a backslash, a tab, a
# line break and both separators reads back the same from batch's JSON
# Lines and from schedule's and compare's indented JSON, and the output
# holds none of those bytes raw.
$ printf 'id,name,entry_into_force\nx,"say ""hi"" \\ a\tb\nc\342\200\250d\342\200\251e",2000-01-01\n' > esc.csv; treatyterm batch esc.csv > esc.jsonl; treatyterm schedule --id x --name "$(printf 'say "hi" \\ a\tb\nc\342\200\250d\342\200\251e')" --entry-into-force 2000-01-01 -f json > esc.json; treatyterm compare --preset ecsc-1951 --preset litvinov-1946 --name "$(printf 'say "hi" \\ a\tb\nc\342\200\250d\342\200\251e')" -f json > cmp.json; /usr/bin/python3 -c 'import json; want = "say \"hi\" \\ a\tb\nc\u2028d\u2029e"; a = json.loads(open("esc.jsonl", encoding="utf-8").read()); b = json.load(open("esc.json", encoding="utf-8")); c = json.load(open("cmp.json", encoding="utf-8")); print(a["treaty"]["name"] == want, b["treaty"]["name"] == want, c["proposals"][0]["treaty"]["name"] == want)'; cat esc.jsonl esc.json cmp.json | grep -c "$(printf '\342\200\250\|\342\200\251\|\t')"; grep -o '"name": *"[^"]*\\"[^,]*' esc.json
True True True
0
"name": "say \"hi\" \\ a\tb\nc\u2028d\u2029e"

# Clause flags apply to each row as to a spec: "today" for a date, and a
# [conference] flag starting a new conference only when the newest has
# that key already.
$ printf 'id,entry_into_force,term,consultation.first,consultation.every\nx,1950-01-01,indefinite,1y,1y\n' > t.csv; treatyterm batch t.csv -f csv --horizon today | tr -d '\r' > b.out; treatyterm schedule --id x --entry-into-force 1950-01-01 --term indefinite --consultation-first 1y --consultation-every 1y --horizon today -f csv | tr -d '\r' > s.out; cmp b.out s.out && echo same
same

$ printf 'id,entry_into_force,conference.at\nx,2000-01-01,1y\n' > c.csv; treatyterm batch c.csv -f csv --conference-label First --conference-at 2y --conference-label Second | tr -d '\r' | cut -d, -f1-5
treaty_id,date,weekday,kind,label
x,2000-01-01,Saturday,entry_into_force,Entry into force
x,2001-01-01,Monday,conference,First
x,2002-01-01,Tuesday,conference,Second

# --jobs: the rows are computed on several threads and written in their
# order: the output, the messages and the exit status are the same on
# any number of threads, with bad rows (a duplicate id, a bad cell, no id
# or name, a malformed record) spread over several chunks of 256 rows,
# two of them the first rows of a chunk (lines 258 and 514) repeating the
# last of the chunk before.
$ /usr/bin/python3 "$top_srcdir/bench/gen-treaties.py" 3000 7 | awk -F, 'BEGIN { OFS = "," } NR == 258 { $1 = "t0000255" } NR == 300 { $1 = "t0000005" } NR == 514 { $1 = "t0000511" } NR == 700 { $4 = "xyz" } NR == 1200 { $1 = ""; $2 = "" } NR == 1800 { $2 = "\"broken" } NR == 2600 { $1 = "t0002599" } { print }' > many.csv; for j in 1 2 5; do treatyterm batch many.csv --jobs $j > out$j.jsonl 2> err$j; echo "jobs $j: exit $?"; done; cmp out1.jsonl out2.jsonl && cmp out1.jsonl out5.jsonl && cmp err1 err2 && cmp err1 err5 && echo same; cat err1; wc -l < out1.jsonl
jobs 1: exit 3
jobs 2: exit 3
jobs 5: exit 3
same
treatyterm: many.csv:258: id: 't0000255' was already used on line 257
treatyterm: many.csv:300: id: 't0000005' was already used on line 7
treatyterm: many.csv:514: id: 't0000511' was already used on line 513
treatyterm: many.csv:700: term: expected a number, found 'x'
treatyterm: many.csv:1200: no id or name: give the row an id (its calendar events are known by it)
treatyterm: many.csv:1800: unterminated quoted field
treatyterm: many.csv:2601: id: 't0002599' was already used on line 2600
treatyterm: many.csv: 7 of 3000 rows skipped
2993

# The rows written are those of the input, in its order, less the bad ones.
$ /usr/bin/python3 -c 'import json; ids = [json.loads(l)["treaty"]["id"] for l in open("out5.jsonl")]; print(ids[:3], ids[255:257], ids[-1], len(set(ids)))'
['t0000000', 't0000001', 't0000002'] ['t0000255', 't0000257'] t0002999 2993

# With --strict the run stops at the first bad row, here the first of
# the second chunk, whatever the threads had computed beyond it: the rows
# before it are written.
$ treatyterm batch many.csv --jobs 3 --strict > s.jsonl; echo "exit $?"; wc -l < s.jsonl; tail -n 1 s.jsonl | cut -c 1-26
exit 1
256
{"treaty":{"id":"t0000255"
2> treatyterm: many.csv:258: id: 't0000255' was already used on line 257

# An input that cannot be read on (a NUL byte) stops the run there with
# threads as without: the rows before it are done and written first.
$ head -n 1000 many.csv > nul.csv; printf 'x,\0y\n' >> nul.csv; treatyterm batch nul.csv --jobs 3 > n.jsonl; echo "exit $?"; wc -l < n.jsonl; tail -n 1 n.jsonl | cut -c 1-26
exit 1
995
{"treaty":{"id":"t0000998"
2> treatyterm: nul.csv:258: id: 't0000255' was already used on line 257
2> treatyterm: nul.csv:300: id: 't0000005' was already used on line 7
2> treatyterm: nul.csv:514: id: 't0000511' was already used on line 513
2> treatyterm: nul.csv:700: term: expected a number, found 'x'
2> treatyterm: nul.csv:1001: NUL byte in the file (is it a text file?)

# A write that fails (here the first chunk's) stops the run and its
# threads, with one message and none for the rows after.
$ treatyterm batch many.csv --jobs 2 > /dev/full
2> treatyterm: standard output: write error: No space left on device
[exit 1]

# A flag's message is cut, if it must be, between characters: a long
# value of two-byte characters still reads as UTF-8.
$ treatyterm batch many.csv --term "$(/usr/bin/python3 -c 'print("\u00e9" * 3000)')" 2> long.err; echo "exit $?"; /usr/bin/python3 -c 'd = open("long.err", "rb").read(); d.decode("utf-8"); print(len(d) > 4000, d[:20].decode())'
exit 1
True treatyterm: --term '

$ treatyterm batch many.csv --jobs 0
2> treatyterm: batch: --jobs: expected a number from 1 to 64, not '0'
2> Try 'treatyterm batch --help' for more information.
[exit 2]

$ treatyterm batch many.csv --jobs 2x
2> treatyterm: batch: --jobs: expected a number from 1 to 64, not '2x'
2> Try 'treatyterm batch --help' for more information.
[exit 2]

# Calendars and CSV are written row by row: --jobs has no effect there.
$ treatyterm batch many.csv --jobs 2 -f ics
2> treatyterm: batch: --jobs has no effect in ics output (only in jsonl)
2> Try 'treatyterm batch --help' for more information.
[exit 2]
