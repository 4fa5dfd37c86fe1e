#!/usr/bin/python3
# tests/ics/update.py -- what a calendar shows after importing one .ics
# and then the one written over it with --previous (tests/ics/update.test).
#
# A row is "DATE<TAB>STATUS<TAB>SUMMARY", STATUS "-" for an event shown as
# usual and "CANCELLED" for one struck out.  Commands:
#   expect OLD.json NEW.json [calcurse]  the rows a client should show: the
#       new schedule's dates, and the old milestones it has no more,
#       cancelled (for calcurse, which ignores cancellations and adds
#       every import again: every event of both files, none cancelled)
#   icalendar OLD.ics NEW.ics    python3-icalendar reads both files, and
#       the events are kept by UID as RFC 5546 says (a higher or equal
#       SEQUENCE replaces)
#   merge                        the same for rows "FILE UID SEQUENCE
#       STATUS DATE SUMMARY" on standard input (ical.js's reading)
#   khal                         khal's "DATE<TAB>CANCELLED <TAB>TITLE"
#       lines on standard input, as rows
#   compare CLIENT WANT GOT      exit 1 after naming each row that differs
import json
import sys

sys.stdout.reconfigure(encoding="utf-8", newline="\n")
sys.stdin.reconfigure(encoding="utf-8")


def schedule_rows(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    name = doc["treaty"].get("name") or doc["treaty"].get("id") or ""
    rows = []
    for m in doc["milestones"]:
        if m.get("pending"):
            continue
        rows.append((m["date"], "%s: %s" % (name, m["label"]) if name
                     else m["label"]))
    return rows


def expect(old_json, new_json, calcurse=False):
    old, new = schedule_rows(old_json), schedule_rows(new_json)
    labels = {summary for _, summary in new}
    gone = [(d, s) for d, s in old if s not in labels]
    if calcurse:
        rows = [(d, "-", s) for d, s in old + new + gone]
    else:
        rows = [(d, "-", s) for d, s in new] + \
               [(d, "CANCELLED", s) for d, s in gone]
    for r in sorted(rows):
        print("\t".join(r))


def store(events):
    """EVENTS: (uid, sequence, status, date, summary) in import order."""
    kept = {}
    for uid, seq, status, date, summary in events:
        if uid in kept and kept[uid][0] > seq:
            continue
        kept[uid] = (seq, status, date, summary)
    for seq, status, date, summary in sorted(kept.values(),
                                              key=lambda v: (v[2], v[3])):
        print("%s\t%s\t%s" % (date, "CANCELLED" if status == "CANCELLED"
                              else "-", summary))


def icalendar_store(paths):
    import icalendar

    events = []
    for path in paths:
        with open(path, "rb") as f:
            cal = icalendar.Calendar.from_ical(f.read())
        for ev in cal.walk("VEVENT"):
            events.append((str(ev["UID"]), int(ev.get("SEQUENCE", 0)),
                           str(ev.get("STATUS", "")).upper(),
                           ev.decoded("DTSTART").isoformat(),
                           str(ev["SUMMARY"])))
    store(events)


def merge():
    events = []
    for line in sys.stdin:
        f = line.rstrip("\n").split("\t")
        events.append((f[1], int(f[2]), f[3].upper(), f[4], f[5]))
    store(events)


def khal():
    rows = []
    for line in sys.stdin:
        f = line.rstrip("\n").split("\t")
        if len(f) != 3:
            continue
        rows.append((f[0], "CANCELLED" if f[1].strip() == "CANCELLED"
                     else "-", f[2]))
    for r in sorted(rows):
        print("\t".join(r))


def compare(client, want_path, got_path):
    with open(want_path, encoding="utf-8") as f:
        want = sorted(l.rstrip("\n") for l in f if l.strip())
    with open(got_path, encoding="utf-8") as f:
        got = sorted(l.rstrip("\n") for l in f if l.strip())
    if want == got:
        return 0
    for r in want:
        if r in got:
            got.remove(r)
        else:
            print("FAIL: %s: missing: %s" % (client, r))
    for r in got:
        print("FAIL: %s: unexpected: %s" % (client, r))
    return 1


if sys.argv[1] == "expect":
    expect(sys.argv[2], sys.argv[3], len(sys.argv) > 4)
elif sys.argv[1] == "icalendar":
    icalendar_store(sys.argv[2:])
elif sys.argv[1] == "merge":
    merge()
elif sys.argv[1] == "khal":
    khal()
elif sys.argv[1] == "compare":
    sys.exit(compare(*sys.argv[2:5]))
else:
    sys.exit("update.py: unknown command %s" % sys.argv[1])
