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

# Rows without an id are known by their line.
$ printf 'entry_into_force,term\n2000-01-01,1y\n' > noid.csv; treatyterm batch noid.csv -f csv | tr -d '\r' | cut -d, -f1-4
treaty_id,date,weekday,kind
line-2,2000-01-01,Saturday,entry_into_force
line-2,2001-01-01,Monday,expiry

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

$ treatyterm batch bad.csv -o out.csv; ls out.csv*; head -c 20 out.csv; echo
out.csv
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
2> treatyterm: h.csv:1: column 2: unknown column 'colour' (expected a spec key: id, name, entry_into_force, term, ... or section.key)
[exit 1]

$ printf 'id,term,term\n' > h.csv; treatyterm batch h.csv
2> treatyterm: h.csv:1: column 3: 'term' appears twice
[exit 1]

$ printf 'id,treaty.term\n' > h.csv; treatyterm batch h.csv
2> treatyterm: h.csv:1: column 2: unknown column 'treaty.term' (expected a spec key: id, name, entry_into_force, term, ... or section.key)
[exit 1]

$ : > empty.csv; treatyterm batch empty.csv
2> treatyterm: empty.csv:1: no header row
[exit 1]

$ printf 'id,name\nx,"unterminated\n' > q.csv; treatyterm batch q.csv
2> treatyterm: q.csv:2: unterminated quoted field
[exit 1]

$ printf 'id,name\nx,a"b\n' > q.csv; treatyterm batch q.csv
2> treatyterm: q.csv:2: malformed quoting (a quote inside an unquoted field, or text after a closing quote)
[exit 1]

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
2> treatyterm: batch: unknown format 'table' (expected jsonl, csv, ics)
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


# The JSON Lines writer gives the same bytes as json-c, on 300 synthetic
# treaties (29 February and month-end entries into force, every clause).
$ /usr/bin/python3 "$top_srcdir/bench/gen-treaties.py" 300 7 > syn.csv; treatyterm batch syn.csv > fast.jsonl; treatyterm batch --json-c syn.csv > slow.jsonl; cmp fast.jsonl slow.jsonl && wc -l < fast.jsonl
300

# The calendar batch writes (events written directly, not through libical;
# the unit tests check that the bytes are libical's) has one VEVENT per CSV
# row, which python3-icalendar reads back with the same treaty and date.
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
