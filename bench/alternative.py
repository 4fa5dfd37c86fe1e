#!/usr/bin/python3
"""What a user would write instead of treatyterm: the same schedules with
python-dateutil's relativedelta (same date, clamped to the month's end) and
python3-icalendar.  Reads a batch CSV file, writes JSON Lines or one
iCalendar file.  Used by bench/run to check treatyterm's dates and to time
both.

usage: alternative.py jsonl|ics < treaties.csv > out
"""
import csv
import datetime
import json
import re
import sys
import uuid

from dateutil.relativedelta import relativedelta

DUR = re.compile(r"^(?:(\d+)y)?(?:(\d+)m)?(?:(\d+)w)?(?:(\d+)d)?$", re.I)
ONE_DAY = datetime.timedelta(days=1)
NAMESPACE = uuid.UUID("00000000-0000-0000-0000-000000000000")


def parse_duration(s):
    y, m, w, d = (int(x or 0) for x in DUR.match(s).groups())
    return (y, m, 7 * w + d)


def add(date, dur, n=1, base=(0, 0, 0)):
    """DATE + BASE + N * DUR, in one step from the anchor."""
    y = base[0] + n * dur[0]
    m = base[1] + n * dur[1]
    d = base[2] + n * dur[2]
    return date + relativedelta(years=y, months=m) + datetime.timedelta(d)


def sub(date, dur):
    return (date - relativedelta(years=dur[0], months=dur[1])
            - datetime.timedelta(dur[2]))


def schedule(r):
    eif = datetime.date.fromisoformat(r["entry_into_force"])
    out = [(eif, "entry_into_force", "Entry into force")]
    inclusive = r.get("convention") == "inclusive"
    try:
        horizon = eif + relativedelta(years=100)
    except (ValueError, OverflowError):
        horizon = datetime.date.max
    expiry = None
    if r["term"] and r["term"] != "indefinite":
        term = parse_duration(r["term"])
        period = parse_duration(r["renewal.period"]) if r["renewal.period"] \
            else None
        times = r["renewal.times"] or "unlimited"
        if not period:
            times = 0
        elif times == "unlimited":
            times = -1
        else:
            times = int(times)
        notice = parse_duration(r["renewal.notice"] or "0d")
        k = 0
        while True:
            end = add(eif, period, k, term) if k else add(eif, term)
            if inclusive:
                end -= ONE_DAY
            if k == times:
                expiry = end
                out.append((end, "expiry", "Expiry (last day in force)"))
                break
            if times < 0 and end > horizon:
                break
            out.append((sub(end, notice), "renewal_notice_deadline",
                        "Last day to denounce before renewal %d" % (k + 1)))
            out.append((end + ONE_DAY, "renewal",
                        "Renewal %d begins" % (k + 1)))
            k += 1
    for kind, label in (("consultation", "Consultation"),
                        ("review", "Review")):
        if not r[kind + ".first"]:
            continue
        first = parse_duration(r[kind + ".first"])
        every = parse_duration(r[kind + ".every"]) if r[kind + ".every"] \
            else None
        count = int(r[kind + ".count"]) if r.get(kind + ".count") else \
            (-1 if every else 1)
        i = 0
        while count < 0 or i < count:
            d = add(eif, every, i, first) if i else add(eif, first)
            if count < 0 and expiry is not None and d >= expiry:
                break
            if count < 0 and expiry is None and d > horizon:
                break
            out.append((d, kind, "%s %d" % (label, i + 1) if every
                        else label))
            i += 1
    if r["withdrawal.notice"]:
        opens = add(eif, parse_duration(r["withdrawal.opens"] or "0d"))
        out.append((opens, "withdrawal_notice_opens",
                    "Withdrawal notice may be given from"))
        out.append((add(opens, parse_duration(r["withdrawal.notice"])),
                    "withdrawal_effective",
                    "Earliest withdrawal takes effect"))
    out.sort(key=lambda x: x[0])
    return expiry, out


def main():
    fmt = sys.argv[1]
    rows = csv.DictReader(sys.stdin)
    if fmt == "jsonl":
        w = sys.stdout.write
        for r in rows:
            expiry, ms = schedule(r)
            w(json.dumps({
                "treaty": {"id": r["id"], "name": r["name"],
                           "entry_into_force": r["entry_into_force"]},
                "milestones": [{"date": d.isoformat(), "kind": k,
                                "label": l} for d, k, l in ms],
                "expiry": expiry.isoformat() if expiry else None}) + "\n")
        return
    from icalendar import Calendar, Event
    cal = Calendar()
    cal.add("prodid", "-//alternative//EN")
    cal.add("version", "2.0")
    stamp = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
    for r in rows:
        _, ms = schedule(r)
        seen = {}
        for d, k, l in ms:
            seen[k] = seen.get(k, 0) + 1
            e = Event()
            e.add("uid", str(uuid.uuid5(NAMESPACE, "%s/%s/%d" %
                                        (r["id"], k, seen[k]))))
            e.add("dtstamp", stamp)
            e.add("dtstart", d)
            e.add("dtend", d + ONE_DAY)
            e.add("summary", "%s: %s" % (r["name"], l))
            e.add("categories", [k, r["id"]])
            e.add("transp", "TRANSPARENT")
            cal.add_component(e)
    sys.stdout.buffer.write(cal.to_ical())


if __name__ == "__main__":
    main()
