# tests/ics/tsvtool.py -- helpers for clients.test, run by /usr/bin/python3.
#
#   json2tsv        schedule JSON (stdin) -> "start<TAB>end<TAB>summary"
#                   lines, the end being the exclusive next day and the
#                   summary "name: label" on one line; this is what the
#                   program computed, not what the .ics says
#   icalendar FILE  the events of FILE as python3-icalendar reads them
#   shift-end N     adds N days to the second column (stdin -> stdout)
#   range FILE      the first start date of a .tsv and two days after
#                   its last
#   compare CLIENT ICS WANT GOT [ROUNDS]
#                   compares what CLIENT read (GOT) with WANT, ignoring
#                   order; reports each event that differs and exits 1.
#                   ROUNDS is for clients built on python3-icalendar: how
#                   many times they parse the text (khal parses, stores
#                   with to_ical() and parses again: 2).  A summary that
#                   python3-icalendar itself garbles when it reads the RFC
#                   5545 escaping of the expected text that many times is
#                   reported as KNOWN, not as a failure.  Its decoder
#                   unescapes in several passes, so an escaped backslash
#                   before "n", "," or ";" comes out wrong (a newline, a
#                   lost backslash); fixed upstream only in 2025
#                   (collective/icalendar#1008), present in Debian 12.
import datetime
import json
import os
import re
import sys

sys.stdout.reconfigure(encoding="utf-8", newline="\n")
sys.stdin.reconfigure(encoding="utf-8")


def day(s):
    return datetime.date.fromisoformat(s)


def json2tsv():
    doc = json.load(sys.stdin)
    name = doc["treaty"].get("name") or doc["treaty"].get("id") or ""
    for m in doc["milestones"]:
        if m.get("pending"):
            continue  # calendars leave pending dates out
        start = day(m["date"])
        summary = "%s: %s" % (name, m["label"]) if name else m["label"]
        # A summary is one line: the writer turns line breaks into spaces.
        summary = summary.replace("\r\n", " ").replace("\n", " ")
        print("%s\t%s\t%s" % (start, start + datetime.timedelta(days=1),
                              summary))


def icalendar_read(path):
    import icalendar

    with open(path, "rb") as f:
        cal = icalendar.Calendar.from_ical(f.read())
    for ev in cal.walk("VEVENT"):
        start = ev.decoded("DTSTART")
        end = ev.decoded("DTEND") if "DTEND" in ev else None
        if isinstance(start, datetime.datetime) or \
           isinstance(end, datetime.datetime):
            print("not an all-day event: %s" % ev.get("SUMMARY"))
            continue
        print("%s\t%s\t%s" % (start, end, str(ev.get("SUMMARY"))))


def shift_end(n):
    for line in sys.stdin:
        f = line.rstrip("\n").split("\t")
        if len(f) >= 3 and ROW.match(line):
            f[1] = str(day(f[1]) + datetime.timedelta(days=n))
        print("\t".join(f))


# A row starts with a date and a tab; other lines continue the summary of
# the row before (a client printed a newline in it).
ROW = re.compile(r"^\d{4}-\d\d-\d\d\t")


def read_rows(path):
    rows = []
    with open(path, encoding="utf-8", newline="\n") as f:
        for line in f:
            line = line.rstrip("\n")
            if ROW.match(line) or not rows:
                rows.append(line)
            else:
                rows[-1] += "\n" + line
    return rows


def tsv_range(path):
    starts = sorted(r.split("\t")[0] for r in read_rows(path))
    print(starts[0], str(day(starts[-1]) + datetime.timedelta(days=2)))


def rfc_escape(text):
    return (text.replace("\\", "\\\\").replace(";", "\\;")
            .replace(",", "\\,").replace("\n", "\\n"))


def python_reads(summary, rounds):
    """What python3-icalendar makes of SUMMARY, correctly escaped."""
    import icalendar

    text = ("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:%s\r\n"
            "END:VEVENT\r\nEND:VCALENDAR\r\n" % rfc_escape(summary))
    for _ in range(rounds):
        cal = icalendar.Calendar.from_ical(text)
        text = cal.to_ical()
    return str(cal.walk("VEVENT")[0]["SUMMARY"])


def compare(client, ics, want_path, got_path, rounds=0):
    want = read_rows(want_path)
    got = read_rows(got_path)
    missing = list(want)
    unexpected = []
    for row in got:
        if row in missing:
            missing.remove(row)
        else:
            unexpected.append(row)
    known = []
    for row in list(missing) if rounds and unexpected else []:
        head, _, summary = row.rpartition("\t")
        garbled = head + "\t" + python_reads(summary, rounds)
        if garbled != row and garbled in unexpected:
            missing.remove(row)
            unexpected.remove(garbled)
            known.append(row)
    name = os.path.basename(ics)
    if known:
        print("KNOWN: %s: %s: %d summaries garbled by python3-icalendar's "
              "decoder (collective/icalendar#1008), e.g. %r"
              % (client, name, len(known), known[0]))
    if not missing and not unexpected:
        return 0
    print("FAIL: %s reads %s differently (%d events, expected %d)"
          % (client, name, len(got), len(want)))
    for row in missing[:10]:
        print("  %s: missing: %r" % (client, row))
    for row in unexpected[:10]:
        print("  %s: unexpected: %r" % (client, row))
    return 1


if sys.argv[1] == "json2tsv":
    json2tsv()
elif sys.argv[1] == "icalendar":
    icalendar_read(sys.argv[2])
elif sys.argv[1] == "shift-end":
    shift_end(int(sys.argv[2]))
elif sys.argv[1] == "range":
    tsv_range(sys.argv[2])
elif sys.argv[1] == "compare":
    sys.exit(compare(*sys.argv[2:6],
                     rounds=int(sys.argv[6]) if len(sys.argv) > 6 else 0))
else:
    sys.exit("tsvtool: unknown command %s" % sys.argv[1])
